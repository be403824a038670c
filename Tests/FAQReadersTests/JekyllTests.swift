import FAQModel
@testable import FAQReaders
import Foundation
import Testing

/// Jekyll's URL rules: `{% link %}`, `{% post_url %}`, the URL filters, permalink styles,
/// relative links (`jekyll-relative-links`) and the page's own URL, on the fixture site
/// `Fixtures/jekyll/` (`_config.yml`: url, baseurl `/docs`, `permalink: pretty`).
@Suite struct JekyllTests {
    static func images(_ document: FAQDocument) -> [String] {
        var urls: [String] = []
        for entry in document.allEntries { entry.answer.forEachInlineRun { $0.forEachImage { urls.append($0.url) } } }
        return urls
    }

    @Test func linksGoWhereJekyllSendsThem() throws {
        let result = try ReaderFixtures.read("jekyll/guide/faq.md")
        let links = ReaderFixtures.linkURLs(result.document)
        #expect(links == [
            // Preamble: a permalink of its own; a page without one (pretty style), after
            // `{{ site.baseurl }}` (the base is not repeated).
            "/docs/guide/walkthroughs/", "/docs/guide/install/",
            // Posts: category from the front matter, and from the folder above `_posts`.
            "/docs/news/2020/01/02/first-light/", "/docs/blog/2021/03/04/wicks/",
            // A collection document and an index page.
            "/docs/recipes/oil-lamp/", "/docs/about/",
            // `absolute_url` on a literal and on `page.url` (autolinked by cmark).
            "https://eventlet.example/docs/assets/lamp.svg", "https://eventlet.example/docs/guide/faq/",
            // Missing targets keep their paths.
            "/docs/guide/removed.md", "/docs/2019-05-06-never",
            // Relative links to the site's files go to their URLs; others stay as written.
            "/docs/guide/install/#requirements", "../about/", "/blog/", "other.html", "/docs/assets/lamp.svg",
        ])
        #expect(Self.images(result.document) == ["/docs/assets/lamp.svg"])
        #expect(result.document.metadata.url == "https://eventlet.example/docs/guide/faq/")
        #expect(result.document.metadata.permalink == nil)
    }

    @Test func missingTargetsAreWarningsAtTheirPlace() throws {
        let result = try ReaderFixtures.read("jekyll/guide/faq.md")
        let warnings = result.diagnostics.map { "\($0.location.map { "\($0.line):\($0.column)" } ?? "-") \($0.message)" }
        #expect(warnings.count == 2, "\(warnings)")
        #expect(warnings.first?.hasPrefix("21:8 Liquid '{% link guide/removed.md %}': the Jekyll site has no file 'guide/removed.md'") == true, "\(warnings)")
        #expect(warnings.last?.hasPrefix("21:51 Liquid '{% post_url 2019-05-06-never %}': the Jekyll site has no post") == true, "\(warnings)")
    }

    @Test func baseURLOptionIsTheSitesAddress() throws {
        let result = try ReaderFixtures.read("jekyll/guide/faq.md", options: ReaderOptions(baseURL: "https://mirror.example/lantern/"))
        #expect(result.document.metadata.url == "https://mirror.example/lantern/guide/faq/")
        #expect(ReaderFixtures.linkURLs(result.document).prefix(2) == ["/lantern/guide/walkthroughs/", "/lantern/guide/install/"])
    }

    /// Without a `_config.yml` the site's files cannot be read: the other inputs'
    /// permalinks, else Jekyll's default guess, with a warning at the tag.
    @Test func withoutASiteTheLinkIsAGuess() throws {
        let text = "---\ntitle: T\n---\n## Q?\n\nSee [a]({% link guide/a.md %}), [b]({% link guide/b.md %}) and [p]({% post_url 2020-01-02-x %}).\n"
        let result = try FAQReader.read(text: text, path: "/nonexistent/faq.md", options: ReaderOptions(permalinks: ["guide/a.md": "/a/"]))
        #expect(ReaderFixtures.linkURLs(result.document) == ["/a/", "/guide/b.html", "/2020/01/02/x.html"])
        let located = result.diagnostics.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0)" }
        #expect(located == ["6:37", "6:68"])
        #expect(result.diagnostics.allSatisfy { $0.message.contains("no Jekyll _config.yml above the input") })
        // No site and no --base-url: the reader gives no page URL of its own.
        #expect(result.document.metadata.url == nil)
    }

    @Test func filtersAndVariables() throws {
        let site = JekyllSite(root: "/nonexistent", url: "https://s.example", baseurl: "/b/")
        let text = """
        ---
        title: T
        permalink: /faq/
        ---
        ## Q?

        [1]({{ '/x.png' | relative_url }}) [2]({{ "y" | absolute_url }}) [3]({{ page.url | relative_url }}) \
        [4]({{ site.url }}{{ site.baseurl }}/z) [5]({{ "https://o.example/a" | relative_url }}) [6]({{ site.baseurl }}{{ page.url }})

        """
        let result = try FAQReader.read(text: text, path: "/nonexistent/faq.md", options: ReaderOptions(site: site))
        #expect(ReaderFixtures.linkURLs(result.document) == ["/b/x.png", "https://s.example/b/y", "/b/faq/", "https://s.example/b/z", "https://o.example/a", "/b/faq/"])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.document.metadata.url == "https://s.example/b/faq/")
        let unknown = try FAQReader.read(text: "---\nt: 1\n---\n## Q?\n\n[x]({{ 'a' | upcase }}) {{ page.url }}\n", path: "p.md")
        #expect(unknown.diagnostics.map(\.message) == ["Liquid output '{{ 'a' | upcase }}' is not supported and was removed",
                                                       "Liquid output '{{ page.url }}' is not supported and was removed"])
    }

    /// Jekyll's documented permalink styles and placeholders, for pages and posts.
    @Test(arguments: [
        ("date", "/guide/x.html", "/news/2020/01/02/hello.html"),
        ("pretty", "/guide/x/", "/news/2020/01/02/hello/"),
        ("ordinal", "/guide/x.html", "/news/2020/002/hello.html"),
        ("none", "/guide/x.html", "/news/hello.html"),
        ("weekdate", "/guide/x", "/news/2020/W01/Thu/hello.html"),
        ("/:categories/:title/", "/guide/x/", "/news/hello/"),
        ("/blog/:year/:i_month/:i_day/:slug:output_ext", "/guide/x.html", "/blog/2020/1/2/hello.html"),
        (":title", "/guide/x", "/hello"),
    ])
    func permalinkStyles(_ style: String, _ page: String, _ post: String) {
        let site = JekyllSite(root: "/s", permalink: style)
        #expect(site.url(of: "guide/x.md", data: JekyllFileData(hasFrontMatter: true)) == page)
        #expect(site.url(of: "_posts/2020-01-02-hello.md", data: JekyllFileData(hasFrontMatter: true, categories: ["News"])) == post)
    }

    @Test func pagesStaticFilesAndExclusions() {
        let site = JekyllSite(root: "/s", permalink: "pretty")
        let page = JekyllFileData(hasFrontMatter: true)
        #expect(site.url(of: "index.md", data: page) == "/")
        #expect(site.url(of: "guide/index.html", data: page) == "/guide/")
        #expect(site.url(of: "feed.xml", data: page) == "/feed.xml")
        #expect(site.url(of: "style.scss", data: page) == "/style.css")
        // Markdown without front matter is a page (jekyll-optional-front-matter); other files are copied.
        #expect(site.url(of: "notes.markdown", data: JekyllFileData()) == "/notes/")
        #expect(site.url(of: "img/a b.png", data: JekyllFileData()) == "/img/a%20b.png")
        // A front-matter permalink is a template too, and is cleaned as Jekyll cleans it.
        #expect(site.url(of: "guide/x.md", data: JekyllFileData(hasFrontMatter: true, permalink: "/:path/:basename.txt")) == "/guide/x.txt")
        #expect(site.url(of: "x.md", data: JekyllFileData(hasFrontMatter: true, permalink: "a//b/../c")) == "/a/b/c")
        // Not written by Jekyll: underscore folders outside collections, hidden files, undated posts.
        #expect(site.url(of: "_includes/f.html", data: page) == nil)
        #expect(site.url(of: ".github/x.md", data: page) == nil)
        #expect(site.url(of: "_posts/hello.md", data: page) == nil)
        // A post's own date, slug and categories.
        let post = JekyllFileData(hasFrontMatter: true, date: "2021-12-31 23:00:00 +0100", slug: "Other Name", categories: ["A b"])
        #expect(JekyllSite(root: "/s").url(of: "_posts/2020-01-02-hello.md", data: post) == "/a%20b/2021/12/31/Other-Name.html")
    }

    /// `jekyll-relative-links` can be turned off; only Markdown pages are rewritten.
    @Test func relativeLinksPluginCanBeOff() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("jekyll-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("---\ntitle: O\n---\nother\n".utf8).write(to: root.appendingPathComponent("other.md"))
        let text = "---\ntitle: T\n---\n## Q?\n\n[o](other.md)\n"
        for (config, expected) in [("url: https://s.example\n", "/other.html"), ("relative_links:\n  enabled: false\n", "other.md")] {
            try Data(config.utf8).write(to: root.appendingPathComponent("_config.yml"))
            let site = try #require(FAQReader.jekyllSite(near: root.appendingPathComponent("faq.md").path))
            let read = try FAQReader.read(text: text, path: root.appendingPathComponent("faq.md").path, options: ReaderOptions(site: site))
            #expect(ReaderFixtures.linkURLs(read.document) == [expected], "\(config)")
            let page = "---\ntitle: T\n---\n<h2>Q?</h2>\n<p><a href=\"other.md\">o</a></p>\n"
            let html = try FAQReader.read(text: page, path: root.appendingPathComponent("faq.html").path, options: ReaderOptions(site: site))
            #expect(ReaderFixtures.linkURLs(html.document) == ["other.md"])
        }
    }
}
