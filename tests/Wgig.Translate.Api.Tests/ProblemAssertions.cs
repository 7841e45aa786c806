using System.Net;
using System.Text.Json;

namespace Wgig.Translate.Api.Tests;

public static class ProblemAssertions
{
    /// <summary>Asserts an RFC 7807 response with the status, and returns its JSON for further checks.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string? detailPart = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        if (detailPart is not null)
        {
            Assert.Contains(detailPart, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        return problem;
    }
}
