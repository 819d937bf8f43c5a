using Enterprise.Application.Catalog.Categories;
using Enterprise.Application.Catalog.Products;
using Enterprise.Application.Common.Behaviors;
using Enterprise.Application.Common.Persistence;
using Enterprise.Application.Common.Validation;
using Enterprise.Domain.Catalog;
using Enterprise.Domain.Common;
using FluentValidation;

namespace Enterprise.UnitTests.Application;

public sealed class ValidationBehaviorTests
{
    private static readonly Result<ProductDto> HandlerResponse = TestData.NewProduct().ToDto();

    [Test]
    public async Task Without_validators_the_message_goes_on_to_the_handler()
    {
        var behavior = new ValidationBehavior<ArchiveProductCommand, Result>([]);
        var next = new NextStep<ArchiveProductCommand, Result>(Result.Success());

        var result = await behavior.Handle(new ArchiveProductCommand(Guid.Empty), next.Delegate, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(result.IsSuccess, Is.True);
            Assert.That(next.Calls, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_valid_message_goes_on_to_the_handler_and_its_response_is_returned()
    {
        var next = new NextStep<CreateProductCommand, Result<ProductDto>>(HandlerResponse);

        var result = await CreateProduct(TestData.Details(), next);

        Assert.Multiple(() =>
        {
            Assert.That(result, Is.EqualTo(HandlerResponse));
            Assert.That(next.Calls, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task An_invalid_product_fails_with_errors_keyed_by_the_camel_case_field_name()
    {
        var next = new NextStep<CreateProductCommand, Result<ProductDto>>(HandlerResponse);

        var result = await CreateProduct(TestData.Details() with { Sku = "BK--1", Price = -1m }, next);

        var errors = ErrorsOf(result.Error);
        Assert.Multiple(() =>
        {
            Assert.That(errors.Keys, Is.EquivalentTo(new[] { "sku", "price" }));
            Assert.That(errors["sku"], Is.EqualTo(new[] { ProductErrors.SkuFormat.Description }));
            Assert.That(errors["price"], Is.EqualTo(new[] { MoneyErrors.NegativeAmount.Description }));
            Assert.That(next.Calls, Is.Zero);
        });
    }

    [Test]
    public async Task Every_product_field_is_reported_under_the_same_key_as_the_domain_error()
    {
        var details = TestData.Details() with
        {
            Sku = "",
            Name = "",
            Description = new string('d', Product.DescriptionMaxLength + 1),
            Price = -1m,
            Currency = "",
            StockQuantity = -1,
            CategoryId = Guid.Empty,
        };
        var next = new NextStep<CreateProductCommand, Result<ProductDto>>(HandlerResponse);

        var result = await CreateProduct(details, next);

        Assert.That(ErrorsOf(result.Error).Keys, Is.EquivalentTo(new[]
        {
            ProductErrors.SkuRequired.Field,
            ProductErrors.NameRequired.Field,
            ProductErrors.DescriptionTooLong.Field,
            MoneyErrors.NegativeAmount.Field,
            MoneyErrors.UnknownCurrency.Field,
            ProductErrors.NegativeStock.Field,
            ProductErrors.CategoryRequired.Field,
        }));
    }

    [Test]
    public async Task A_failure_is_a_validation_error_with_the_generic_code()
    {
        var next = new NextStep<CreateProductCommand, Result<ProductDto>>(HandlerResponse);

        var result = await CreateProduct(TestData.Details() with { Sku = "" }, next);

        Assert.Multiple(() =>
        {
            Assert.That(result.Error, Is.TypeOf<ValidationErrors>());
            Assert.That(result.Error!.Code, Is.EqualTo("Validation.Failed"));
            Assert.That(result.Error.Kind, Is.EqualTo(ErrorKind.Validation));
        });
    }

    [Test]
    public async Task Failures_of_all_validators_are_merged_per_field_without_repeating_a_message()
    {
        var extra = new InlineValidator<AdjustStockCommand>
        {
            validator => validator.RuleFor(command => command.Quantity).NotEqual(0).WithMessage(ProductErrors.AdjustmentQuantityZero.Description),
            validator => validator.RuleFor(command => command.Reason).Must(reason => reason.Length > 3).WithMessage("Say a little more."),
        };
        var behavior = new ValidationBehavior<AdjustStockCommand, Result<ProductDto>>([new AdjustStockValidator(), extra]);
        var next = new NextStep<AdjustStockCommand, Result<ProductDto>>(HandlerResponse);

        var result = await behavior.Handle(new AdjustStockCommand(Guid.CreateVersion7(), 0, " "), next.Delegate, CancellationToken.None);

        var errors = ErrorsOf(result.Error);
        Assert.Multiple(() =>
        {
            Assert.That(errors.Keys, Is.EquivalentTo(new[] { "quantity", "reason" }));
            Assert.That(errors["quantity"], Is.EqualTo(new[] { ProductErrors.AdjustmentQuantityZero.Description }));
            Assert.That(errors["reason"], Is.EqualTo(new[] { ProductErrors.AdjustmentReasonRequired.Description, "Say a little more." }));
            Assert.That(next.Calls, Is.Zero);
        });
    }

    [Test]
    public async Task A_message_answered_by_a_plain_result_fails_the_same_way()
    {
        var validator = new InlineValidator<ArchiveProductCommand>
        {
            validator => validator.RuleFor(command => command.ProductId).NotEmpty(),
        };
        var behavior = new ValidationBehavior<ArchiveProductCommand, Result>([validator]);
        var next = new NextStep<ArchiveProductCommand, Result>(Result.Success());

        var result = await behavior.Handle(new ArchiveProductCommand(Guid.Empty), next.Delegate, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(ErrorsOf(result.Error).Keys, Is.EquivalentTo(new[] { "productId" }));
            Assert.That(next.Calls, Is.Zero);
        });
    }

    [Test]
    public async Task A_validator_with_asynchronous_rules_still_validates_each_time()
    {
        // Its own message type: the behavior remembers per message type that the asynchronous path is needed.
        var validator = new InlineValidator<DeleteCategoryCommand>
        {
            validator => validator.RuleFor(command => command.CategoryId)
                .MustAsync((categoryId, _) => Task.FromResult(categoryId != Guid.Empty))
                .WithMessage("Name the category."),
        };
        var behavior = new ValidationBehavior<DeleteCategoryCommand, Result>([validator]);

        // The first run finds that FluentValidation needs the asynchronous path, the later ones take it at once.
        for (var run = 1; run <= 2; run++)
        {
            var next = new NextStep<DeleteCategoryCommand, Result>(Result.Success());

            var invalid = await behavior.Handle(new DeleteCategoryCommand(Guid.Empty), next.Delegate, CancellationToken.None);
            var valid = await behavior.Handle(new DeleteCategoryCommand(Guid.CreateVersion7()), next.Delegate, CancellationToken.None);

            Assert.Multiple(() =>
            {
                Assert.That(ErrorsOf(invalid.Error)["categoryId"], Is.EqualTo(new[] { "Name the category." }), $"run {run}");
                Assert.That(valid.IsSuccess, Is.True, $"run {run}");
                Assert.That(next.Calls, Is.EqualTo(1), $"run {run}: only the valid command reaches the handler");
            });
        }
    }

    [Test]
    public async Task A_list_query_reports_paging_under_camel_case_keys()
    {
        var behavior = new ValidationBehavior<ListProductsQuery, Result<PagedResult<ProductDto>>>([new PagedQueryValidator(), new ProductListSelectionValidator()]);
        var next = new NextStep<ListProductsQuery, Result<PagedResult<ProductDto>>>(
            () => throw new AssertionException("The handler must not run."));

        var result = await behavior.Handle(new ListProductsQuery { PageSize = 0, Selection = new() { Sort = "colour" } }, next.Delegate, CancellationToken.None);

        Assert.That(ErrorsOf(result.Error).Keys, Is.EquivalentTo(new[] { "pageSize", "sort" }));
    }

    private static async Task<Result<ProductDto>> CreateProduct(ProductDetails details, NextStep<CreateProductCommand, Result<ProductDto>> next)
    {
        var behavior = new ValidationBehavior<CreateProductCommand, Result<ProductDto>>([new ProductDetailsValidator()]);
        return await behavior.Handle(new CreateProductCommand { Details = details }, next.Delegate, CancellationToken.None);
    }

    private static IReadOnlyDictionary<string, string[]> ErrorsOf(Error? error)
    {
        Assert.That(error, Is.TypeOf<ValidationErrors>());
        return ((ValidationErrors)error!).Errors;
    }
}
