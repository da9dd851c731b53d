using System.Text;
using OpenGms.Genomics.Vcf;

namespace OpenGms.Genomics.Tests.Vcf;

/// <summary>
/// The vectorised column split finds the columns a plain split on tabs finds, on lines of every length around the
/// 32-byte block edges, and a saved layout restored elsewhere gives the same columns and samples.
/// </summary>
public sealed class VcfLineLayoutTests
{
    [Fact]
    public void Split_matches_a_plain_tab_split_on_random_lines()
    {
        var random = new Random(7);
        VcfHeader header = VcfHeaderParser.Parse(["##fileformat=VCFv4.3", "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO"], new OpenGms.Genomics.Validation.VcfIssueSink(10));
        var layout = new VcfLineLayout();
        var restored = new VcfLineLayout();
        int[] saved = new int[VcfLineLayout.SavedLength];
        const string alphabet = "\tACGT.,:;=0123456789";
        for (int n = 0; n < 20_000; n++)
        {
            // Lengths 0-200 cross the block edges; a tab-heavy alphabet gives lines of 0 to many columns.
            int length = random.Next(0, n % 3 == 0 ? 40 : 200);
            var text = new StringBuilder(length);
            for (int i = 0; i < length; i++)
            {
                text.Append(alphabet[random.Next(random.Next(4) == 0 ? 1 : alphabet.Length)]);
            }

            byte[] line = Encoding.ASCII.GetBytes(text.ToString());
            string[] columns = text.ToString().Split('\t');
            int count = layout.Split(line);
            Assert.Equal(columns.Length, count);
            Assert.Equal(columns.Length, layout.ColumnCount);
            layout.SaveTo(saved);
            restored.Split("x\ty"u8);
            restored.RestoreFrom(saved);
            foreach (VcfLineLayout l in new[] { layout, restored })
            {
                var record = new VcfRecord(line, l, header, 1);
                for (int c = 0; c < Math.Min(columns.Length, 9); c++)
                {
                    Assert.Equal(columns[c], Encoding.ASCII.GetString(record.Column(c)));
                }

                int samples = Math.Max(0, columns.Length - 9);
                Assert.Equal(samples, record.SampleCount);
                for (int s = 0; s < samples; s++)
                {
                    Assert.Equal(columns[9 + s], Encoding.ASCII.GetString(record.Sample(s)));
                }

                Assert.True(record.Sample(samples).IsEmpty);
            }
        }
    }
}
