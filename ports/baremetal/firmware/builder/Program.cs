using System;
using System.IO;

namespace TfLiteMicro.FirmwareBuilder;

/// <summary>
/// <c>check BOARDS_DIR BOARD [KERNEL_SETS_FILE [KERNELS]]</c>: is the board known and buildable (prints the reason when
/// not), and which kernel set the build uses (KERNELS, or the board's default): prints <c>kernels=</c>,
/// <c>kernels_project=</c> and <c>kernels_define=</c> lines for Firmware.proj, or why the set cannot be used.
/// <c>build PLAN_FILE</c>: builds the firmware image the plan describes (see <see cref="BuildPlan"/>).
/// <c>report BOARD IMAGES_DIR DOC.md</c>: rewrites the board's size table in the document (see <see cref="SizeReport"/>).
/// Exit code 0 on success, 1 with a message on stderr otherwise.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        try
        {
            if (args.Length >= 3 && args.Length <= 5 && args[0] == "check")
            {
                BoardFile board = BoardFile.Resolve(args[1], args[2]);
                Console.WriteLine($"board {board.Name}: {board.Kind}, {board.Status}");
                if (args.Length >= 4)
                {
                    KernelSet kernels = KernelSet.Resolve(args[3], board, args.Length == 5 ? args[4] : null);
                    Console.WriteLine($"kernels={kernels.Name}");
                    Console.WriteLine($"kernels_project={kernels.DeviceProject}");
                    Console.WriteLine($"kernels_define={kernels.Define}");
                }
                return 0;
            }
            if (args.Length == 4 && args[0] == "report")
            {
                SizeReport.Write(args[1], args[2], args[3]);
                return 0;
            }
            if (args.Length == 2 && args[0] == "build")
            {
                BuildPlan plan = BuildPlan.Load(args[1]);
                BoardFile board = BoardFile.Resolve(plan.Single("boards"), plan.Single("board"));
                KernelSet kernels = KernelSet.Resolve(plan.Single("kernel_sets"), board, plan.Optional("kernels"));
                new FirmwareLinker(plan, board, kernels).Build();
                return 0;
            }
            Console.Error.WriteLine("usage: TfLiteMicro.FirmwareBuilder check BOARDS_DIR BOARD [KERNEL_SETS_FILE [KERNELS]] | build PLAN_FILE | report BOARD IMAGES_DIR DOC.md");
            return 2;
        }
        catch (BuildException e)
        {
            Console.Error.WriteLine("error: " + e.Message);
            return 1;
        }
        catch (IOException e)
        {
            Console.Error.WriteLine("error: " + e.Message);
            return 1;
        }
    }
}
