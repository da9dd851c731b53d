using OpenGms.Consent.Contracts;

namespace OpenGms.Consent.Tests;

public sealed class NhsNumberTests
{
    [Theory]
    [InlineData("9434765919", "943 476 5919")]
    [InlineData("943 476 5919", "943 476 5919")]
    [InlineData("943-476-5919", "943 476 5919")]
    [InlineData("4010232137", "401 023 2137")]
    public void Parse_valid_number_normalises(string input, string shown)
    {
        Kernel.Result<NhsNumber> result = NhsNumber.Parse(input);

        Assert.True(result.IsSuccess);
        Assert.Equal(shown, result.Value.ToString());
    }

    [Theory]
    [InlineData("", "NHS001")]
    [InlineData("94347659A9", "NHS002")]
    [InlineData("943476591", "NHS003")]
    [InlineData("94347659190", "NHS003")]
    [InlineData("9434765918", "NHS004")]
    public void Parse_invalid_number_gives_code(string input, string code)
    {
        Kernel.Result<NhsNumber> result = NhsNumber.Parse(input);

        Assert.False(result.IsSuccess);
        Assert.Equal(code, result.Error.Code);
    }

    [Fact]
    public void Parse_refuses_numbers_whose_check_digit_would_be_ten()
    {
        // Find the nine-digit stems for which no check digit exists, independently of CheckDigit: weights 10..2, mod 11.
        int refused = 0;
        for (int stem = 100_000_000; stem < 100_000_200; stem++)
        {
            string nine = stem.ToString(System.Globalization.CultureInfo.InvariantCulture);
            int sum = 0;
            for (int i = 0; i < 9; i++)
            {
                sum += (nine[i] - '0') * (10 - i);
            }

            if (11 - (sum % 11) != 10)
            {
                continue;
            }

            refused++;
            for (int last = 0; last <= 9; last++)
            {
                Assert.False(NhsNumber.Parse(nine + last).IsSuccess);
            }
        }

        Assert.True(refused > 0);
    }

    [Fact]
    public void CheckDigit_matches_every_digit_position_weight()
    {
        // Changing any one of the first nine digits by one must change the check (or make it impossible).
        const string Valid = "943476591";
        int? baseline = NhsNumber.CheckDigit(Valid);
        for (int i = 0; i < 9; i++)
        {
            char[] changed = Valid.ToCharArray();
            changed[i] = (char)('0' + ((changed[i] - '0' + 1) % 10));
            Assert.NotEqual(baseline, NhsNumber.CheckDigit(changed));
        }
    }
}
