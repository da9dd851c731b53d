using System.Diagnostics.CodeAnalysis;
using OpenGms.Kernel;

namespace OpenGms.Consent.Contracts;

/// <summary>
/// A validated NHS number: ten digits whose last is the modulus-11 check digit of the first nine
/// (weights 10 down to 2; 11 minus the remainder, where 11 becomes 0 and 10 means the number is invalid).
/// Stored and compared as the ten digits; shown as <c>943 476 5919</c>.
/// </summary>
public readonly record struct NhsNumber
{
    private NhsNumber(string digits) => Digits = digits;

    /// <summary>The ten digits, no spaces.</summary>
    public string Digits { get; }

    /// <summary>Parses user input, allowing spaces or hyphens between digit groups.</summary>
    public static Result<NhsNumber> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Error.BadInput("NHS001", "An NHS number is required.");
        }

        Span<char> digits = stackalloc char[10];
        int count = 0;
        foreach (char c in text)
        {
            if (c is ' ' or '-')
            {
                continue;
            }

            if (!char.IsAsciiDigit(c))
            {
                return Error.BadInput("NHS002", $"'{text}' is not an NHS number: it may contain only digits (and spaces).");
            }

            if (count == 10)
            {
                return Error.BadInput("NHS003", $"'{text}' is not an NHS number: it has more than 10 digits.");
            }

            digits[count++] = c;
        }

        if (count != 10)
        {
            return Error.BadInput("NHS003", $"'{text}' is not an NHS number: it has {count} digits, not 10.");
        }

        int? check = CheckDigit(digits[..9]);
        if (check is null || check.Value != digits[9] - '0')
        {
            return Error.BadInput("NHS004", $"'{text}' is not a valid NHS number: the check digit does not match (mistyped?).");
        }

        return new NhsNumber(new string(digits));
    }

    /// <summary>True when <paramref name="text"/> is a valid NHS number.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out NhsNumber? number)
    {
        Result<NhsNumber> result = Parse(text);
        number = result.IsSuccess ? result.Value : null;
        return result.IsSuccess;
    }

    /// <summary>The modulus-11 check digit for nine digits, or null when none exists (remainder gives 10).</summary>
    public static int? CheckDigit(ReadOnlySpan<char> firstNine)
    {
        if (firstNine.Length != 9)
        {
            throw new ArgumentException("Nine digits are needed.", nameof(firstNine));
        }

        int sum = 0;
        for (int i = 0; i < 9; i++)
        {
            sum += (firstNine[i] - '0') * (10 - i);
        }

        int check = 11 - (sum % 11);
        return check switch
        {
            11 => 0,
            10 => null,
            _ => check,
        };
    }

    /// <summary>The number as people write it: 3-3-4 digits separated by spaces.</summary>
    public override string ToString() => Digits is null ? string.Empty : $"{Digits[..3]} {Digits[3..6]} {Digits[6..]}";
}
