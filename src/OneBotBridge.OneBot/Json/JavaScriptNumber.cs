using System.Globalization;
using System.Text;

namespace OneBotBridge.OneBot.Json;

/// <summary>
/// Formats a double the way JavaScript's <c>Number.prototype.toString</c> does (ECMA-262
/// Number::toString): the shortest round-trip digits, plain notation for exponents up to 21,
/// <c>1e+21</c> style beyond, <c>null</c> for NaN and infinities (as <c>JSON.stringify</c> writes them).
/// </summary>
internal static class JavaScriptNumber
{
    public static string Format(double value)
    {
        if (!double.IsFinite(value))
        {
            return "null";
        }

        if (value == 0)
        {
            return "0";
        }

        var (digits, pointPosition) = ShortestDigits(Math.Abs(value));
        var result = new StringBuilder(digits.Length + 8);
        if (value < 0)
        {
            result.Append('-');
        }

        var k = digits.Length;
        var n = pointPosition;
        if (k <= n && n <= 21)
        {
            result.Append(digits).Append('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            result.Append(digits, 0, n).Append('.').Append(digits, n, k - n);
        }
        else if (-6 < n && n <= 0)
        {
            result.Append("0.").Append('0', -n).Append(digits);
        }
        else
        {
            var exponent = n - 1;
            result.Append(digits[0]);
            if (k > 1)
            {
                result.Append('.').Append(digits, 1, k - 1);
            }

            result.Append('e').Append(exponent < 0 ? '-' : '+').Append(Math.Abs(exponent).ToString(CultureInfo.InvariantCulture));
        }

        return result.ToString();
    }

    /// <summary>
    /// The shortest round-trip significant digits of a positive finite value (no leading or
    /// trailing zeros) and where the decimal point sits: value = 0.digits × 10^pointPosition.
    /// </summary>
    private static (string Digits, int PointPosition) ShortestDigits(double value)
    {
        var roundTrip = value.ToString("R", CultureInfo.InvariantCulture);
        var exponentAt = roundTrip.IndexOf('E');
        var mantissa = exponentAt < 0 ? roundTrip : roundTrip[..exponentAt];
        var exponent = exponentAt < 0 ? 0 : int.Parse(roundTrip.AsSpan(exponentAt + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

        var pointAt = mantissa.IndexOf('.');
        var integerDigits = pointAt < 0 ? mantissa.Length : pointAt;
        var allDigits = pointAt < 0 ? mantissa : string.Concat(mantissa.AsSpan(0, pointAt), mantissa.AsSpan(pointAt + 1));

        var leadingZeros = allDigits.Length - allDigits.TrimStart('0').Length;
        var significant = allDigits.Trim('0');
        return (significant, integerDigits + exponent - leadingZeros);
    }
}
