using Enterprise.Application.Common.Persistence;

namespace Enterprise.UnitTests.Application;

public sealed class PageCursorTests
{
    private const string List = "[\"products\",\"price\"]";
    private static readonly Type[] PositionTypes = [typeof(string), typeof(decimal), typeof(int), typeof(DateTime), typeof(Guid)];

    private static readonly object[] Position =
        ["Crème brûlée", 12.5000m, -3, new DateTime(2026, 12, 1, 6, 30, 0, 123, 456, DateTimeKind.Utc), Guid.CreateVersion7()];

    [Test]
    public void A_cursor_gives_back_the_position_it_was_made_from_with_its_types()
    {
        var cursor = PageCursor.Create(List, Position);

        var read = PageCursor.Read(cursor, List, PositionTypes);

        Assert.That(read.Value, Is.EqualTo(Position));
        Assert.That(read.Value.Select(value => value.GetType()), Is.EqualTo(PositionTypes));
    }

    [Test]
    public void A_cursor_is_url_safe()
    {
        Assert.That(PageCursor.Create(List, Position), Does.Match("^[A-Za-z0-9_-]+$"));
    }

    [Test]
    public void A_cursor_read_for_another_list_is_refused_as_another_lists()
    {
        var cursor = PageCursor.Create(List, Position);

        Assert.That(PageCursor.Read(cursor, "[\"products\",\"-price\"]", PositionTypes).Error, Is.EqualTo(PageCursor.OtherList));
    }

    [Test]
    public void A_cursor_read_for_a_list_with_more_sort_fields_is_refused_as_another_lists()
    {
        var cursor = PageCursor.Create(List, Position);

        Assert.That(PageCursor.Read(cursor, "[\"products\",\"name,sku\"]", [.. PositionTypes, typeof(string)]).Error, Is.EqualTo(PageCursor.OtherList));
    }

    [Test]
    public void Every_single_character_change_is_detected()
    {
        var cursor = PageCursor.Create(List, Position);
        for (var index = 0; index < cursor.Length; index++)
        {
            var changed = cursor[..index] + (cursor[index] == 'A' ? 'B' : 'A') + cursor[(index + 1)..];
            Assert.That(PageCursor.Read(changed, List, PositionTypes).IsSuccess, Is.False, $"changed at {index}");
        }
    }

    [TestCase("")]
    [TestCase("AAAA")]
    [TestCase("not base64!")]
    public void Garbage_is_invalid(string cursor)
    {
        Assert.That(PageCursor.Read(cursor, List, PositionTypes).Error, Is.EqualTo(PageCursor.Invalid));
    }

    [Test]
    public void A_cursor_with_values_of_other_types_is_invalid()
    {
        var cursor = PageCursor.Create(List, Position);

        Assert.That(PageCursor.Read(cursor, List, [typeof(int), typeof(decimal), typeof(int), typeof(DateTime), typeof(Guid)]).Error, Is.EqualTo(PageCursor.Invalid));
        Assert.That(PageCursor.Read(cursor, List, [typeof(string), typeof(Guid)]).Error, Is.EqualTo(PageCursor.Invalid));
    }
}
