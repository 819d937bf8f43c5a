namespace Enterprise.Domain.Common;

/// <summary>
/// Control characters (Unicode category Cc: C0, DEL and C1) in text a caller supplies. They are invisible or
/// rewrite terminals and logs, and PostgreSQL cannot store NUL at all, so names and reasons refuse them;
/// free text may keep line breaks and tabs.
/// </summary>
public static class ControlCharacters
{
    public static bool In(string? text, bool allowLineBreaksAndTabs = false) =>
        text is not null && text.Any(character =>
            char.IsControl(character) && !(allowLineBreaksAndTabs && character is '\n' or '\r' or '\t'));
}
