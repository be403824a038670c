import FAQTestSupport
import Foundation
import Testing

/// A FAQ page inside a Jekyll site (the reader fixture `jekyll/`: url, baseurl `/docs`,
/// `permalink: pretty`), converted by the binary as a user would.
@Suite struct JekyllSiteTests {
    static let site = "Tests/FAQReadersTests/Fixtures/jekyll"

    @Test func entryURLsAreAbsoluteAndLinksResolvedOffTheSite() throws {
        let out = try CLI.temporaryDirectory()
        let run = try CLI.run(["--output-dir", out.path, "\(Self.site)/guide/faq.md"])
        #expect(run.status == 0, "\(run.stderr)")
        // The two missing targets, each at its line and column.
        #expect(run.stderr.contains("\(Self.site)/guide/faq.md:21:8: warning: Liquid '{% link guide/removed.md %}'"), "\(run.stderr)")
        #expect(run.stderr.contains("\(Self.site)/guide/faq.md:21:51: warning: Liquid '{% post_url 2019-05-06-never %}'"), "\(run.stderr)")
        func file(_ name: String) throws -> String { try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8) }

        let page = "https://eventlet.example/docs/guide/faq/"
        let json = try file("faq.json")
        #expect(json.contains("\"url\": \"\(page)#where-is-the-release-announcement\""))
        #expect(!json.contains("\"url\": \"/docs/guide/faq/"))
        #expect(json.contains("href=\\\"https://eventlet.example/docs/news/2020/01/02/first-light/\\\""))
        let jsonld = try file("faq.jsonld")
        #expect(jsonld.contains("\"@id\": \"\(page)#which-logo-may-i-use\""))

        let text = try file("faq.txt")
        for url in ["https://eventlet.example/docs/guide/walkthroughs/", "https://eventlet.example/docs/guide/install/#requirements",
                    "https://eventlet.example/docs/about/", "https://eventlet.example/blog/", "\(page)other.html"] {
            #expect(text.contains("] \(url)\n"), "\(url) in\n\(text)")
        }
        let man = try file("faq.7").replacingOccurrences(of: "\\:", with: "").replacingOccurrences(of: "\\-", with: "-")
        #expect(man.contains(".UR \"https://eventlet.example/docs/recipes/oil-lamp/\""), "\(man)")
        #expect(man.contains(".UR \"https://eventlet.example/docs/about/\""))
        let lint = try ExternalTool.run(["mandoc", "-Tlint", "-W", "warning", out.appendingPathComponent("faq.7").path])
        #expect(lint.status == 0 && lint.stdout.isEmpty, "\(lint.stdout)")
        let groff = try ExternalTool.run(["groff", "-t", "-man", "-ww", "-z", out.appendingPathComponent("faq.7").path])
        #expect(groff.status == 0 && groff.stderr.isEmpty, "\(groff.stderr)")
        // The xhtml page keeps the links Jekyll writes in the page.
        let xhtml = try file("faq.xhtml")
        #expect(xhtml.contains("href=\"/docs/guide/install/#requirements\""))
        #expect(xhtml.contains("href=\"../about/\""))
        let xmllint = try ExternalTool.run(["xmllint", "--noout", out.appendingPathComponent("faq.xhtml").path])
        #expect(xmllint.status == 0, "\(xmllint.stderr)")
    }

    /// Without the site's address, a relative link stays text in man and EPUB, and says so.
    @Test func unknownAddressIsAWarning() throws {
        let dir = try CLI.temporaryDirectory()
        try Data("---\ntitle: T\n---\n## Where?\n\nSee [the guide](../guide/).\n".utf8).write(to: dir.appendingPathComponent("f.md"))
        let run = try CLI.run(["-f", "man", "f.md"], in: dir)
        #expect(run.status == 0)
        #expect(run.stderr.contains("f.md:4:1: warning: man page: 1 relative link (first: '../guide/') kept as text only"), "\(run.stderr)")
        let based = try CLI.run(["-f", "man", "--base-url", "https://s.example/docs/", "f.md"], in: dir)
        #expect(based.stdout.replacingOccurrences(of: "\\:", with: "").contains(".UR \"https://s.example/guide/\""), "\(based.stdout)")
        #expect(based.stderr.isEmpty, "\(based.stderr)")
    }
}
