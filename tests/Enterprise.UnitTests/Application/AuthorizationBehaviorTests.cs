using Enterprise.Application.Catalog.Categories;
using Enterprise.Application.Catalog.Products;
using Enterprise.Application.Common.Behaviors;
using Enterprise.Application.Common.Security;
using Enterprise.Domain.Common;
using Moq;

namespace Enterprise.UnitTests.Application;

public sealed class AuthorizationBehaviorTests
{
    private readonly Mock<ICurrentUser> _user = new();
    private readonly AuthorizationSettings _settings = new();

    [Test]
    public async Task An_anonymous_query_is_handled_while_anonymous_reads_are_allowed()
    {
        var next = new NextStep<GetProductQuery, Result<ProductDto>>(TestData.NewProduct().ToDto());

        var result = await Behavior<GetProductQuery, Result<ProductDto>>().Handle(new GetProductQuery(Guid.CreateVersion7()), next.Delegate, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.IsSuccess, Is.True);
            Assert.That(next.Calls, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task An_anonymous_query_is_unauthorized_when_anonymous_reads_are_off()
    {
        _settings.AllowAnonymousReads = false;
        var next = new NextStep<GetProductQuery, Result<ProductDto>>(TestData.NewProduct().ToDto());

        var result = await Behavior<GetProductQuery, Result<ProductDto>>().Handle(new GetProductQuery(Guid.CreateVersion7()), next.Delegate, CancellationToken.None);

        AssertRefused(result.Error, next.Calls, ErrorKind.Unauthorized, AuthorizationErrors.UnauthenticatedCode);
    }

    [Test]
    public async Task An_authenticated_query_is_handled_when_anonymous_reads_are_off()
    {
        _settings.AllowAnonymousReads = false;
        SignIn(scopes: [], roles: []);
        var next = new NextStep<GetProductQuery, Result<ProductDto>>(TestData.NewProduct().ToDto());

        var result = await Behavior<GetProductQuery, Result<ProductDto>>().Handle(new GetProductQuery(Guid.CreateVersion7()), next.Delegate, CancellationToken.None);

        Assert.That(next.Calls, Is.EqualTo(1), result.Error?.Code);
    }

    [Test]
    public async Task An_anonymous_command_is_unauthorized_and_never_handled()
    {
        var next = new NextStep<ArchiveProductCommand, Result>(Result.Success());

        var result = await Behavior<ArchiveProductCommand, Result>().Handle(new ArchiveProductCommand(Guid.CreateVersion7()), next.Delegate, CancellationToken.None);

        AssertRefused(result.Error, next.Calls, ErrorKind.Unauthorized, AuthorizationErrors.UnauthenticatedCode);
    }

    [Test]
    public async Task A_command_from_a_user_without_its_scope_is_forbidden()
    {
        SignIn(scopes: ["catalog:read"], roles: ["admin"]);
        var next = new NextStep<ArchiveProductCommand, Result>(Result.Success());

        var result = await Behavior<ArchiveProductCommand, Result>().Handle(new ArchiveProductCommand(Guid.CreateVersion7()), next.Delegate, CancellationToken.None);

        AssertRefused(result.Error, next.Calls, ErrorKind.Forbidden, AuthorizationErrors.ForbiddenCode);
        Assert.That(result.Error!.Description, Does.Contain("catalog:write"));
    }

    [Test]
    public async Task A_command_from_a_user_with_its_scope_is_handled()
    {
        SignIn(scopes: ["catalog:write"], roles: []);
        var next = new NextStep<ArchiveProductCommand, Result>(Result.Success());

        var result = await Behavior<ArchiveProductCommand, Result>().Handle(new ArchiveProductCommand(Guid.CreateVersion7()), next.Delegate, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.IsSuccess, Is.True);
            Assert.That(next.Calls, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Deleting_a_category_without_the_admin_role_is_forbidden()
    {
        SignIn(scopes: ["catalog:write"], roles: ["editor"]);
        var next = new NextStep<DeleteCategoryCommand, Result>(Result.Success());

        var result = await Behavior<DeleteCategoryCommand, Result>().Handle(new DeleteCategoryCommand(Guid.CreateVersion7()), next.Delegate, CancellationToken.None);

        AssertRefused(result.Error, next.Calls, ErrorKind.Forbidden, AuthorizationErrors.ForbiddenCode);
        Assert.That(result.Error!.Description, Does.Contain("admin"));
    }

    [Test]
    public async Task Deleting_a_category_with_the_write_scope_and_admin_role_is_handled()
    {
        SignIn(scopes: ["catalog:write"], roles: ["admin"]);
        var next = new NextStep<DeleteCategoryCommand, Result>(Result.Success());

        await Behavior<DeleteCategoryCommand, Result>().Handle(new DeleteCategoryCommand(Guid.CreateVersion7()), next.Delegate, CancellationToken.None);

        Assert.That(next.Calls, Is.EqualTo(1));
    }

    private AuthorizationBehavior<TMessage, TResponse> Behavior<TMessage, TResponse>()
        where TMessage : notnull, Mediator.IMessage
        where TResponse : IFailable<TResponse> => new(_user.Object, _settings);

    private void SignIn(string[] scopes, string[] roles)
    {
        _user.SetupGet(user => user.IsAuthenticated).Returns(true);
        _user.SetupGet(user => user.Subject).Returns("user-1");
        _user.SetupGet(user => user.Scopes).Returns(new HashSet<string>(scopes));
        _user.SetupGet(user => user.Roles).Returns(new HashSet<string>(roles));
    }

    private static void AssertRefused(Error? error, int handlerCalls, ErrorKind kind, string code) =>
        Assert.Multiple(() =>
        {
            Assert.That(error?.Kind, Is.EqualTo(kind));
            Assert.That(error?.Code, Is.EqualTo(code));
            Assert.That(handlerCalls, Is.Zero, "the handler must not run");
        });
}
