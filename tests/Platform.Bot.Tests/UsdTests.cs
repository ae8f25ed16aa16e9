using Platform.Bot.Llm;

namespace Platform.Bot.Tests;

public sealed class UsdTests
{
    [Theory]
    [InlineData("12.5", "$12.50")]
    [InlineData("1234.5678", "$1,234.5678")]
    [InlineData("0", "$0.00")]
    [InlineData("0.0123", "$0.0123")]
    [InlineData("0.004", "$0.004")]
    [InlineData("0.00456", "$0.0046")]
    [InlineData("0.0000078", "$0.0000078")]
    [InlineData("0.0000001", "$0.0000001")]
    public void Amounts_show_cents_and_a_fraction_of_a_cent_never_as_zero(string amount, string shown) =>
        Assert.Equal(shown, Usd.Format(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));
}
