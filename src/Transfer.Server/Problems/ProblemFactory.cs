using Microsoft.AspNetCore.Mvc;
using Transfer.Contracts.Problems;

namespace Transfer.Server.Problems;

/// <summary>Builds the one problem shape every error of the API has: type from the code, title, detail, and the code itself.</summary>
public static class ProblemFactory
{
    public static ProblemDetails Create(int status, string code, string title, string detail, string? instance = null)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Type = ProblemTypes.For(code),
            Title = title,
            Detail = detail,
            Instance = instance,
        };
        problem.Extensions["code"] = code;
        return problem;
    }
}
