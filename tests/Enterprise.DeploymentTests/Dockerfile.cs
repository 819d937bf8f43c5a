namespace Enterprise.DeploymentTests;

/// <summary>One instruction of a Dockerfile: its keyword (upper case) and its arguments, continuation lines joined.</summary>
internal sealed record DockerInstruction(string Keyword, string Arguments)
{
    /// <summary>The arguments split on white space, options (<c>--from=build</c>) included.</summary>
    public IReadOnlyList<string> Words => Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>A build stage: its <c>FROM</c> image, its name, and its instructions after <c>FROM</c>.</summary>
internal sealed record DockerStage(string Image, string? Name, IReadOnlyList<DockerInstruction> Instructions)
{
    public IEnumerable<DockerInstruction> All(string keyword) => Instructions.Where(instruction => instruction.Keyword == keyword);
}

/// <summary>A Dockerfile read the way the builder reads it: comments dropped, <c>\</c> continuations joined, split into stages.</summary>
internal static class Dockerfile
{
    public static IReadOnlyList<DockerStage> Parse(string text)
    {
        var stages = new List<DockerStage>();
        List<DockerInstruction>? instructions = null;
        foreach (var instruction in Instructions(text))
        {
            if (instruction.Keyword == "FROM")
            {
                // FROM [--platform=...] image [AS name]
                var words = instruction.Words.Where(word => !word.StartsWith("--", StringComparison.Ordinal)).ToList();
                instructions = [];
                var name = words.Count == 3 && words[1].Equals("AS", StringComparison.OrdinalIgnoreCase) ? words[2] : null;
                stages.Add(new DockerStage(words[0], name, instructions));
            }
            else
            {
                instructions?.Add(instruction);
            }
        }

        return stages;
    }

    private static IEnumerable<DockerInstruction> Instructions(string text)
    {
        var pending = string.Empty;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.StartsWith('#') || (line.Length == 0 && pending.Length == 0))
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                pending += line[..^1].Trim() + " ";
                continue;
            }

            var whole = (pending + line).Trim();
            pending = string.Empty;
            if (whole.Length == 0)
            {
                continue;
            }

            var space = whole.IndexOf(' ', StringComparison.Ordinal);
            yield return space < 0
                ? new DockerInstruction(whole.ToUpperInvariant(), string.Empty)
                : new DockerInstruction(whole[..space].ToUpperInvariant(), whole[(space + 1)..].Trim());
        }
    }
}
