using System.Text.Json.Nodes;
using Connector.Sandbox.Storage;

namespace Connector.Sandbox.Handlers;

/// <summary>Blogs (sites), their posts, authors and categories. Blog objects use <c>_id</c>, as the vendor's do.</summary>
internal static class BlogHandlers
{
    private static readonly string[] PostFields =
    [
        "blogId", "title", "description", "rawHTML", "imageUrl", "imageAltText", "status", "author", "categories", "tags",
        "urlSlug", "canonicalLink", "publishedAt",
    ];

    public static void Register(HandlerRegistry registry)
    {
        registry.Add("blogs.sites.list", request => request.Ok(new JsonObject
        {
            ["data"] = Listing.Page(Search(Listing.InLocation(request, DocumentTypes.Blog), request.Query("searchTerm"), "name"), request),
        }));
        registry.Add("blogs.authors.list", request => request.Ok(new JsonObject
        {
            ["authors"] = Listing.Page(Listing.InLocation(request, DocumentTypes.BlogAuthor), request, skip: "offset"),
        }));
        registry.Add("blogs.categories.list", request => request.Ok(new JsonObject
        {
            ["categories"] = Listing.Page(Listing.InLocation(request, DocumentTypes.BlogCategory), request, skip: "offset"),
        }));
        registry.Add("blogs.posts.list", ListPosts);
        registry.Add("blogs.posts.create", CreatePost);
        registry.Add("blogs.posts.update", UpdatePost);
        registry.Add("blogs.slug_exists", SlugExists);
    }

    private static IEnumerable<JsonObject> Search(IEnumerable<JsonObject> items, string? text, string field) =>
        items.Where(i => text is null || JsonText.String(i, field)?.Contains(text, StringComparison.OrdinalIgnoreCase) == true);

    private static ApiResult ListPosts(ApiRequest request)
    {
        var blogId = request.Query("blogId");
        var status = request.Query("status");
        var posts = Search(Listing.InLocation(request, DocumentTypes.BlogPost), request.Query("searchTerm"), "title")
            .Where(p => JsonText.String(p, "blogId") == blogId)
            .Where(p => status is null || JsonText.String(p, "status") == status);
        return request.Ok(new JsonObject { ["blogs"] = Listing.Page(posts, request, skip: "offset") });
    }

    private static ApiResult CreatePost(ApiRequest request)
    {
        var locationId = request.LocationId;
        request.Load(DocumentTypes.Blog, JsonText.String(request.Body, "blogId")!, "Blog");
        var id = Ids.New();
        var post = new JsonObject { ["_id"] = id, ["locationId"] = locationId, ["archived"] = false, ["tags"] = new JsonArray() };
        OwnedBy.Copy(post, request.BodyObject, PostFields);
        post["updatedAt"] = JsonText.Time(request.Now);
        return request.Ok(request.Save(DocumentTypes.BlogPost, id, locationId, post), "data");
    }

    private static ApiResult UpdatePost(ApiRequest request)
    {
        var existing = request.Load(DocumentTypes.BlogPost, request.Path("postId"), "Blog post");
        var post = existing.Parse();
        OwnedBy.Copy(post, request.BodyObject, PostFields);
        post["updatedAt"] = JsonText.Time(request.Now);
        var saved = request.Resave(existing, post);
        return request.Ok(saved, "updatedBlogPost");
    }

    private static ApiResult SlugExists(ApiRequest request)
    {
        var slug = request.Query("urlSlug");
        var postId = request.Query("postId");
        var exists = Listing.InLocation(request, DocumentTypes.BlogPost)
            .Any(p => JsonText.String(p, "urlSlug") == slug && JsonText.String(p, "_id") != postId);
        return request.Ok(new JsonObject { ["exists"] = exists });
    }
}
