using Wgig.Translate.Domain.Common;

namespace Wgig.Translate.Api.Paging;

/// <summary>Page numbers start at 1; a page holds at most <see cref="MaxPageSize"/> items.</summary>
public sealed record PageRequest(int? Page, int? PageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    /// <summary>Far beyond any real list, and small enough that the rows to skip always fit the database's integers.</summary>
    public const int MaxPage = 1_000_000;

    public int Number => Page ?? 1;

    public int Size => PageSize ?? DefaultPageSize;

    public int Skip => (Number - 1) * Size;

    public InvalidInputError? Validate()
    {
        var errors = new ValidationErrors();
        if (Number < 1)
        {
            errors.Add("page", $"page starts at 1; got {Number}.");
        }
        if (Size is < 1 or > MaxPageSize)
        {
            errors.Add("pageSize", $"pageSize is between 1 and {MaxPageSize}; got {Size}.");
        }
        else if (Number > MaxPage)
        {
            errors.Add("page", $"page is at most {MaxPage}; got {Number}.");
        }
        return errors.Any ? errors.ToError("Invalid paging") : null;
    }
}

public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount)
{
    public int TotalPages => TotalCount == 0 ? 0 : (TotalCount + PageSize - 1) / PageSize;
}
