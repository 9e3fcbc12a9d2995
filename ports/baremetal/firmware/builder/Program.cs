using System;
using System.IO;

namespace TfLiteMicro.FirmwareBuilder;

/// <summary>
/// <c>check BOARDS_DIR BOARD</c>: is the board known and buildable (prints the reason when not).
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
            if (args.Length == 3 && args[0] == "check")
            {
                BoardFile board = BoardFile.Resolve(args[1], args[2]);
                Console.WriteLine($"board {board.Name}: {board.Kind}, {board.Status}");
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
                new FirmwareLinker(plan, board).Build();
                return 0;
            }
            Console.Error.WriteLine("usage: TfLiteMicro.FirmwareBuilder check BOARDS_DIR BOARD | build PLAN_FILE | report BOARD IMAGES_DIR DOC.md");
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
