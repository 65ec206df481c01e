namespace Connector.Operations.Tests.Conformance;

/// <summary>The catalog list: the operations the connector must offer, one tab-separated row each.</summary>
internal sealed class CatalogList
{
    private static readonly string[] Columns =
        ["key", "kind", "category", "title", "method", "path", "required_scope", "spec_file", "notes"];

    private readonly Dictionary<string, CatalogListRow> _rows;

    private CatalogList(string file, List<CatalogListRow> rows)
    {
        File = file;
        Rows = rows;
        _rows = new Dictionary<string, CatalogListRow>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (!_rows.TryAdd(row.Key, row))
            {
                throw new InvalidDataException($"{file}:{row.Line}: key '{row.Key}' is already on line "
                    + $"{_rows[row.Key].Line}");
            }
        }
    }

    public string File { get; }

    /// <summary>Every row, in the order of the file.</summary>
    public IReadOnlyList<CatalogListRow> Rows { get; }

    public CatalogListRow? Find(string key) => _rows.GetValueOrDefault(key);

    /// <summary>Reads the file; columns are found by their header names, so their order may change.</summary>
    public static CatalogList Read(string file)
    {
        var lines = System.IO.File.ReadAllLines(file);
        var header = lines[0].Split('\t');
        var index = Columns.ToDictionary(c => c, c => Array.IndexOf(header, c), StringComparer.Ordinal);
        var missing = index.Where(c => c.Value < 0).Select(c => c.Key).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException($"{file}:1: no column {string.Join(", ", missing)}");
        }

        var rows = new List<CatalogListRow>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            var cells = lines[i].Split('\t');
            string Cell(string column) => index[column] < cells.Length ? cells[index[column]].Trim() : "";
            rows.Add(new CatalogListRow(i + 1, Cell("key"), Cell("kind"), Cell("category"), Cell("title"),
                Cell("method"), Cell("path"), Cell("required_scope"), Cell("spec_file"), Cell("notes")));
        }

        return new CatalogList(file, rows);
    }
}
