import FAQModel
import FAQReaders
import FAQTestSupport
import Foundation
import Testing

/// The same headings read by faqexport and rendered by each platform's own tool (Pandoc,
/// kramdown with and without its GFM parser, Hugo, Python-Markdown): the ids must be the
/// same, in order.
@Suite struct PlatformIDTests {
    static let headings = [
        "What is this?", "What is this?", "What's new in 2.0?", "Themes / Templates", "History & Trivia",
        "I'm stuck... what now?", "The --force flag", "`code` and *emphasis* and [a link](https://example.org/x)",
        "Ünïcödé and 日本語", "a -- b --- c", "Is it 100% safe?", "Cats & dogs", "Über uns", "3. Applications",
        "_underscored_ name", "Trailing hashes ##", "<< quoted >> text", "Emoji 😄 heading", "C++ or C#?",
        "Setext heading", "What is this?",
    ]

    static var markdown: String {
        headings.map { $0 == "Setext heading" ? "\($0)\n--------------\n\nText.\n" : "## \($0)\n\nText.\n" }.joined(separator: "\n")
    }

    func ours(_ style: IDStyle, frontMatter: Bool = false) throws -> [String] {
        let text = (frontMatter ? "---\ntitle: Ids\n---\n" : "") + Self.markdown
        let result = try FAQReader.read(text: text, path: "ids.md", options: ReaderOptions(questionLevel: 2, idStyle: style))
        // Sections and questions in reading order ("Q & A" names a FAQ section).
        switch result.document.body {
        case .entries(let entries): return entries.map(\.id)
        case .sections(let sections): return sections.flatMap { [$0.id] + $0.entries.map(\.id) }
        }
    }

    /// The `id`s of `<h2>` elements, in order.
    static func ids(inHTML html: String) -> [String] {
        html.components(separatedBy: "<h2").dropFirst().map { tag in
            guard let start = tag.range(of: "id=\""), tag.range(of: ">").map({ start.lowerBound < $0.lowerBound }) == true,
                  let end = tag[start.upperBound...].firstIndex(of: "\"") else { return "" }
            return String(tag[start.upperBound..<end])
        }
    }

    @Test func pandoc() throws {
        let run = try ExternalTool.run(["pandoc", "-f", "markdown", "-t", "html"], stdin: Array(Self.markdown.utf8))
        #expect(run.status == 0, "\(run.stderr)")
        let ids = try ours(.pandoc)
        #expect(ids == Self.ids(inHTML: run.stdout))
    }

    @Test(arguments: [("GFM", IDStyle.kramdown), ("kramdown", IDStyle.kramdownClassic)])
    func kramdown(_ input: String, _ style: IDStyle) throws {
        // Jekyll's defaults for kramdown (lib/jekyll/configuration.rb).
        let script = """
            require 'kramdown'; require 'kramdown-parser-gfm'
            print Kramdown::Document.new(STDIN.read, 'input' => '\(input)', 'auto_ids' => true, 'hard_wrap' => false,
              'smart_quotes' => 'lsquo,rsquo,ldquo,rdquo', 'entity_output' => 'as_char').to_html
            """
        let run = try ExternalTool.run(["ruby", "-e", script], stdin: Array(Self.markdown.utf8))
        #expect(run.status == 0, "\(run.stderr)")
        let ids = try ours(style, frontMatter: true)
        #expect(ids == Self.ids(inHTML: run.stdout))
    }

    @Test func mkdocs() throws {
        // Debian's python3-markdown (the same `toc` extension MkDocs loads).
        let script = "import sys, markdown; print(markdown.markdown(sys.stdin.read(), extensions=['toc', 'attr_list']))"
        let run = try ExternalTool.run(["-c", script], executable: "/usr/bin/python3", stdin: Array(Self.markdown.utf8))
        #expect(run.status == 0, "\(run.stderr)")
        let ids = try ours(.mkdocs)
        #expect(ids == Self.ids(inHTML: run.stdout))
    }

    @Test func hugo() throws {
        let site = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("faqexport-hugo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: site) }
        let files = [
            "hugo.toml": "baseURL = 'http://example.org/'\ndisableKinds = ['taxonomy', 'term', 'RSS', 'sitemap', 'robotsTXT', '404', 'home', 'section']\n",
            "layouts/_default/single.html": "{{ .Content }}",
            "content/ids.md": "---\ntitle: Ids\n---\n" + Self.markdown,
        ]
        for (path, text) in files {
            let url = site.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let run = try ExternalTool.run(["hugo", "--quiet", "-s", site.path, "-d", site.appendingPathComponent("public").path])
        #expect(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOf: site.appendingPathComponent("public/ids/index.html"), encoding: .utf8)
        let ids = try ours(.goldmark, frontMatter: true)
        #expect(ids == Self.ids(inHTML: html))
    }
}
