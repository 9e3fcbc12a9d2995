using System;
using System.Globalization;
using System.Security;
using System.Text;

namespace TfLiteMicro.Tools.Planning;

/// <summary>
/// Draws a <see cref="MemoryPlan"/> as SVG: operator steps across, arena offset down (0 at the top), one box per
/// planned tensor from its first to its last step, labelled when there is room; hovering a box shows the tensor.
/// </summary>
public static class MemoryPlanSvg
{
    private const int Left = 90;
    private const int Top = 50;
    private const int PlotWidth = 900;
    private const int PlotHeight = 560;

    public static string Write(MemoryPlan plan)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        int steps = Math.Max(1, plan.StepCount);
        int headBytes = Math.Max(1, plan.HeadBytes);
        double stepWidth = PlotWidth / (double)steps;
        double bytesToY = PlotHeight / (double)headBytes;
        var svg = new StringBuilder();
        svg.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").Append(Left + PlotWidth + 30).Append("\" height=\"")
            .Append(Top + PlotHeight + 60).Append("\" font-family=\"sans-serif\" font-size=\"11\">\n");
        svg.Append("  <title>").Append(Escape("memory plan of " + plan.Model)).Append("</title>\n");
        svg.Append("  <text x=\"").Append(Left).Append("\" y=\"20\" font-size=\"14\">").Append(Escape(
            System.IO.Path.GetFileName(plan.Model) + " (" + plan.Kernels + "): head " + plan.HeadBytes.ToString("N0", c) + " B, tail "
            + plan.TailBytes.ToString("N0", c) + " B, arena required " + plan.RequiredBytes.ToString("N0", c) + " B")).Append("</text>\n");
        svg.Append("  <text x=\"").Append(Left).Append("\" y=\"36\" fill=\"#555\">").Append(Escape(
            plan.Tensors.Count + " tensors planned in the head; time runs left to right (operator steps), arena offset top to bottom"))
            .Append("</text>\n");
        svg.Append("  <rect x=\"").Append(Left).Append("\" y=\"").Append(Top).Append("\" width=\"").Append(PlotWidth).Append("\" height=\"")
            .Append(PlotHeight).Append("\" fill=\"#f7f7f7\" stroke=\"#999\"/>\n");

        foreach (PlannedTensor tensor in plan.Tensors)
        {
            double x = Left + tensor.FirstStep * stepWidth;
            double width = Math.Max(1.5, (tensor.LastStep - tensor.FirstStep + 1) * stepWidth);
            double y = Top + tensor.Offset * bytesToY;
            double height = Math.Max(1.0, tensor.Bytes * bytesToY);
            string color = Color(tensor.Subgraph * 7919 + tensor.Index);
            string tip = "subgraph " + tensor.Subgraph + " tensor " + tensor.Index + " " + tensor.Name + ": " + tensor.Type + "["
                + string.Join(",", tensor.Shape) + "], " + tensor.Bytes.ToString("N0", c) + " B at offset " + tensor.Offset.ToString("N0", c)
                + ", steps " + tensor.FirstStep + ".." + tensor.LastStep;
            svg.Append("  <rect x=\"").Append(F(x)).Append("\" y=\"").Append(F(y)).Append("\" width=\"").Append(F(width))
                .Append("\" height=\"").Append(F(height)).Append("\" fill=\"").Append(color).Append("\" stroke=\"#333\" stroke-width=\"0.5\"><title>")
                .Append(Escape(tip)).Append("</title></rect>\n");
            if (height >= 12 && width >= 40)
            {
                svg.Append("  <text x=\"").Append(F(x + 3)).Append("\" y=\"").Append(F(y + 11)).Append("\">")
                    .Append(Escape(tensor.Index + " " + Shorten(tensor.Name, (int)(width / 6.5) - 3))).Append("</text>\n");
            }
        }

        // Axes: byte offsets down the left, steps along the bottom.
        for (int i = 0; i <= 4; i++)
        {
            int bytes = (int)((long)headBytes * i / 4);
            double y = Top + bytes * bytesToY;
            svg.Append("  <text x=\"").Append(Left - 6).Append("\" y=\"").Append(F(y + 4)).Append("\" text-anchor=\"end\">")
                .Append(bytes.ToString("N0", c)).Append("</text>\n");
        }
        int labelEvery = Math.Max(1, steps / 20);
        for (int step = 0; step < steps; step += labelEvery)
        {
            svg.Append("  <text x=\"").Append(F(Left + (step + 0.5) * stepWidth)).Append("\" y=\"").Append(Top + PlotHeight + 14)
                .Append("\" text-anchor=\"middle\">").Append(step).Append("</text>\n");
        }
        svg.Append("  <text x=\"").Append(Left + PlotWidth / 2).Append("\" y=\"").Append(Top + PlotHeight + 34)
            .Append("\" text-anchor=\"middle\">operator step</text>\n");
        svg.Append("  <text x=\"14\" y=\"").Append(Top + PlotHeight / 2).Append("\" transform=\"rotate(-90 14 ").Append(Top + PlotHeight / 2)
            .Append(")\" text-anchor=\"middle\">arena offset (bytes)</text>\n");
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Escape(string text) => SecurityElement.Escape(text) ?? "";

    private static string Shorten(string text, int length) => length <= 1 ? "" : text.Length <= length ? text : text[..Math.Max(1, length - 1)] + "…";

    /// <summary>A stable pastel colour per tensor.</summary>
    private static string Color(int seed)
    {
        uint hash = (uint)seed * 2654435761u;
        int hue = (int)(hash % 360);
        return "hsl(" + hue.ToString(CultureInfo.InvariantCulture) + ",60%,75%)";
    }
}
