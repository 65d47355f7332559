namespace OpenApiClientGenerator.Runtime
{
    using System;

    /// <summary>Rules that JSON Schema defines differently from .NET's defaults.</summary>
    internal static class TextRules
    {
        /// <summary>JSON Schema counts a string's length in code points, so a surrogate pair counts once.</summary>
        public static int CodePointCount(string value)
        {
            var count = value.Length;
            for (var i = 0; i < value.Length - 1; i++)
            {
                if (char.IsHighSurrogate(value[i]) && char.IsLowSurrogate(value[i + 1]))
                {
                    count--;
                    i++;
                }
            }

            return count;
        }

        /// <summary>A pattern that takes too long counts as not matched, so a hostile value cannot stall validation.</summary>
        public static bool IsMatch(System.Text.RegularExpressions.Regex regex, string value)
        {
            try
            {
                return regex.IsMatch(value);
            }
            catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
            {
                return false;
            }
        }

        /// <summary>Decimal arithmetic, so that 0.0075 is a multiple of 0.0001 as it is on paper.</summary>
        public static bool IsMultipleOf(double value, decimal divisor)
        {
            if (double.IsNaN(value) || double.IsInfinity(value))
            {
                return false;
            }

            if (Math.Abs(value) >= 7.9e27)
            {
                // Beyond decimal's range every value this large is a whole number far past any sensible divisor's precision.
                return Math.IEEERemainder(value, (double)divisor) == 0;
            }

            return (decimal)value % divisor == 0;
        }
    }
}
