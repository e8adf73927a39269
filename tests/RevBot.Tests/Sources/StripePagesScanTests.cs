using System.Text.Json;
using RevBot.Sources.Stripe;

namespace RevBot.Tests.Sources;

/// <summary>
/// The scan that lets a listing ask for its next page before Stripe.net has deserialised this one: it must find the
/// last item's own id (not an id nested in it, nor one after it) and <c>has_more</c>, wherever they are in the object.
/// </summary>
public sealed class StripePagesScanTests
{
    [Fact]
    public void The_last_items_own_id_is_found_past_nested_ids_and_fields_after_it()
    {
        const string body = """
            {"object":"list","url":"/v1/subscriptions","has_more":true,"data":[
              {"id":"sub_1","customer":{"id":"cus_1","metadata":{"id":"x"}}},
              {"customer":{"id":"cus_2"},"items":{"data":[{"id":"si_2","price":{"id":"price_2"}}]},"id":"sub_2","discounts":[{"id":"di_2"}]}
            ]}
            """;

        Assert.Equal(("sub_2", true), StripePages.Scan(body));
    }

    [Fact]
    public void Has_more_after_the_data_and_an_empty_page_are_read()
    {
        Assert.Equal(("sub_9", false), StripePages.Scan("""{"object":"list","data":[{"id":"sub_9","note":"ÿ \"id\": \"sub_x\""}],"has_more":false}"""));
        Assert.Equal((null, false), StripePages.Scan("""{"object":"list","data":[],"has_more":false,"url":"/v1/subscriptions"}"""));
    }

    [Theory]
    [InlineData("""{"object":"list","data":[{"id":"sub_1"}]}""")]
    [InlineData("""{"object":"list","has_more":true}""")]
    [InlineData("""{"error":{"type":"api_error"}}""")]
    [InlineData("""[{"id":"sub_1"}]""")]
    public void A_body_that_is_not_a_list_is_an_error_not_the_end_of_the_listing(string body) =>
        Assert.ThrowsAny<JsonException>(() => StripePages.Scan(body));
}
