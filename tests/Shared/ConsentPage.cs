using System.Net;
using Microsoft.AspNetCore.WebUtilities;

namespace Platform.Testing.Discord;

/// <summary>What a user does on the emulator's OAuth2 consent page.</summary>
public static class ConsentPage
{
    /// <summary>
    /// Approves, as <paramref name="userId"/>, the sign-in that <paramref name="authorizeUrl"/> starts, and
    /// returns where the emulator then sends the browser: the app's callback, with the code and state.
    /// </summary>
    public static async Task<Uri> ApproveAsync(Uri authorizeUrl, ulong userId)
    {
        var form = QueryHelpers.ParseQuery(authorizeUrl.Query).ToDictionary(p => p.Key, p => p.Value.ToString());
        form["user_id"] = userId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        form["action"] = "approve";
        using var browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        using var approved = await browser.PostAsync(new Uri(authorizeUrl.GetLeftPart(UriPartial.Path)), new FormUrlEncodedContent(form));
        if (approved.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException(
                $"The consent page answered {(int)approved.StatusCode}: {await approved.Content.ReadAsStringAsync()}");
        }

        return approved.Headers.Location!;
    }

    /// <summary>The code and state of a callback address (null where absent, as after a cancelled sign-in).</summary>
    public static (string? Code, string? State) ReadCallback(Uri callback)
    {
        var query = QueryHelpers.ParseQuery(callback.Query);
        return (
            query.TryGetValue("code", out var code) ? code.ToString() : null,
            query.TryGetValue("state", out var state) ? state.ToString() : null);
    }
}
