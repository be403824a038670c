import FAQEmitters
import FAQModel
@testable import FAQReaders
import Foundation
import Testing

/// Every construct of every reader is read and emitted in time that grows with the input's
/// size, not faster: each is generated at size n and 10n, and 10n may take at most 20× as
/// long. A guard against quadratic or exponential paths (hangs on hostile input), not a
/// benchmark: the bound is generous, and n is small enough that both runs take well under
/// a second.
@Suite struct BoundedTimeTests {
    struct Construct: CustomTestStringConvertible, Sendable {
        var name: String
        var path: String
        var n: Int
        var make: @Sendable (Int) -> String
        var testDescription: String { name }
    }

    static let question = "## Q?\n\n"
    static func repeated(_ piece: String, _ count: Int) -> String { String(repeating: piece, count: count) }

    static let constructs: [Construct] = [
        // Markdown (cmark-gfm, then the converter)
        .init(name: "md brackets", path: "x.md", n: 10_000) { question + repeated("[", $0) + "x" + repeated("](u)", $0) + "\n" },
        .init(name: "md unclosed brackets", path: "x.md", n: 20_000) { question + repeated("[a", $0) + "\n" },
        .init(name: "md image brackets", path: "x.md", n: 20_000) { question + repeated("![", $0) + "\n" },
        .init(name: "md emphasis runs", path: "x.md", n: 10) { question + repeated(repeated("*b**c__", 1_000) + "\n\n", $0) },
        .init(name: "md emphasis runs, snake_case", path: "x.md", n: 2_000) { question + repeated("a_b_c d__e ", $0) + "\n" },
        .init(name: "md backtick runs", path: "x.md", n: 2_000) { question + (1...$0).map { repeated("`", $0 % 50 + 1) + "x" }.joined() + "\n" },
        .init(name: "md link reference definitions", path: "x.md", n: 1_000) { n in
            question + (0..<n).map { "[r\($0)]: /u\($0)\n" }.joined() + "\n" + (0..<n).map { "[r\($0)] " }.joined() + "\n"
        },
        .init(name: "md nested lists", path: "x.md", n: 10_000) { question + repeated("- 1. ", $0) + "deep\n" },
        .init(name: "md indented lists", path: "x.md", n: 1_000) { n in
            question + (0..<n).map { String(repeating: "  ", count: $0 % 40) + "- item\n" }.joined()
        },
        .init(name: "md nested quotes", path: "x.md", n: 10_000) { question + repeated(">", $0) + " deep\n" },
        .init(name: "md table columns", path: "x.md", n: 500) { n in
            question + "|" + repeated(" h |", n) + "\n|" + repeated("---|", n) + "\n|" + repeated(" c |", n) + "\n"
        },
        .init(name: "md long line", path: "x.md", n: 5_000) { question + repeated("word ", $0) + "\n" },
        .init(name: "md many questions", path: "x.md", n: 300) { n in (0..<n).map { "## Question \($0)?\n\nAnswer [link](#question-\($0 / 2)).\n\n" }.joined() },
        .init(name: "md duplicate questions", path: "x.md", n: 300) { repeated("## Same?\n\nA.\n\n", $0) },
        .init(name: "md entity runs", path: "x.md", n: 3_000) { question + repeated("&amp;&#x41;&bogus", $0) + "\n" },
        .init(name: "md raw html", path: "x.md", n: 5_000) { question + repeated("<b>x", $0) + "\n" },
        // HTML (libxml2, then the converter)
        .init(name: "html deep nesting", path: "x.html", n: 10_000) { "<h2>Q?</h2>" + repeated("<div><span>", $0) + "deep" },
        .init(name: "html many attributes", path: "x.html", n: 20) { n in
            let tag = "<p " + (0..<1_000).map { "a\($0)=\"v\"" }.joined(separator: " ") + ">x</p>"
            return "<h2>Q?</h2>" + repeated(tag, n)
        },
        .init(name: "md raw html attributes", path: "x.md", n: 20) { n in
            question + repeated("<span " + (0..<1_000).map { "a\($0)='>'" }.joined(separator: " ") + ">x</span>\n", n)
        },
        .init(name: "html entity runs", path: "x.html", n: 3_000) { "<h2>Q?</h2><p>" + repeated("&amp;&#x41;&bogus;", $0) + "</p>" },
        .init(name: "html unclosed inline", path: "x.html", n: 5_000) { "<h2>Q?</h2><p>" + repeated("<b><i>x", $0) },
        .init(name: "html details", path: "x.html", n: 300) { repeated("<details><summary>Q?</summary><p>A</p></details>", $0) },
        .init(name: "html definition list", path: "x.html", n: 300) { "<dl>" + repeated("<dt>Q?</dt><dd>A</dd>", $0) + "</dl>" },
        // Anchors (ids, their suffixes, links to stray ids and their columns)
        .init(name: "md duplicate author ids", path: "x.md", n: 300) { repeated("## Same? {#same}\n\nA [l](#same).\n\n", $0) },
        .init(name: "md duplicate questions, pandoc ids", path: "x.md", n: 300) { "---\nid_style: pandoc\n---\n" + repeated("## Same?\n\nA.\n\n", $0) },
        .init(name: "md duplicate questions, goldmark ids", path: "x.md", n: 300) { "---\nid_style: goldmark\n---\n" + repeated("## Same?\n\nA.\n\n", $0) },
        .init(name: "md anchors before headings", path: "x.md", n: 300) { n in question + (0..<n).map { "<a name=\"a\($0)\"></a>\n\n## Q\($0)?\n\nSee [it](#a\($0 / 2)).\n\n" }.joined() },
        .init(name: "md IAL lines", path: "x.md", n: 1_000) { "---\ntitle: T\n---\n" + question + repeated("text\n{: .note #n}\n\n", $0) },
        .init(name: "html anchors in one run", path: "x.html", n: 1_000) { n in "<h2>Q?</h2>" + (0..<n).map { "x <a name=\"a\($0)\"></a>y " }.joined() },
        .init(name: "html ids in one line", path: "x.html", n: 1_000) { n in
            "<h2 id=\"q\">Q?</h2><p>" + (0..<n).map { "<span id=\"s\($0)\">x</span> <a href=\"#s\($0)\">l</a> <a href=\"#q\">q</a> " }.joined() + "</p>"
        },
        .init(name: "html section wrappers", path: "x.html", n: 2_000) { n in
            repeated("<div class=\"section\" id=\"w\"><span id=\"s\"><span>", n) + "<h2>Q?</h2>" + repeated("</span></span></div>", n)
        },
        // YAML front matter
        .init(name: "yaml many keys", path: "x.md", n: 500) { n in "---\n" + (0..<n).map { "k\($0): v\($0)\n" }.joined() + "---\n" + question + "A\n" },
        .init(name: "yaml many aliases", path: "x.md", n: 2_000) { n in
            "---\nbase: &b [1, 2, 3]\nlist:\n" + repeated("  - *b\n", n) + "---\n" + question + "A\n"
        },
        .init(name: "yaml alias keys", path: "x.md", n: 500) { n in
            "---\nbase: &b [1, 2, 3]\nmap: {" + (0..<n).map { "k\($0): *b" }.joined(separator: ", ") + "}\nk: [*b: *b]\n---\n" + question + "A\n"
        },
        .init(name: "yaml long scalar", path: "x.md", n: 5_000) { "---\ndescription: " + repeated("word ", $0) + "\n---\n" + question + "A\n" },
        // Liquid (Jekyll pages: front matter present)
        .init(name: "liquid unclosed tags", path: "x.md", n: 10_000) { "---\ntitle: T\n---\n" + question + repeated("{% x ", $0) + "\n" },
        .init(name: "liquid unclosed output", path: "x.md", n: 10_000) { "---\ntitle: T\n---\n" + question + repeated("{{ x ", $0) + "\n" },
        .init(name: "liquid many links", path: "x.md", n: 500) { "---\ntitle: T\n---\n" + question + repeated("[a]({% link a.md %}) {{ site.baseurl }} ", $0) + "\n" },
        .init(name: "liquid unclosed raw", path: "x.md", n: 1_000) { "---\ntitle: T\n---\n" + question + repeated("{% raw %} x {% comment %}", $0) + "\n" },
        // reStructuredText (docutils in a subprocess, then libxml2 and the converter)
        .init(name: "rst many sections", path: "x.rst", n: 30) { n in
            "Title\n=====\n\n" + (0..<n).map { ".. _l\($0):\n\nQuestion \($0)?\n--------------\n\nSee :ref:`l\($0 / 2)` and :func:`f`.\n\n" }.joined()
        },
        .init(name: "rst long paragraph", path: "x.rst", n: 500) { "Q?\n==\n\nA\n\nQ2?\n===\n\n" + repeated("*word* ``code`` :unknown:`x` ", $0) + "\n" },
        // DocBook (libxml2 with the entity hook, then the converter)
        .init(name: "docbook many entries", path: "x.dbk", n: 300) { n in
            "<qandaset>" + (0..<n).map { "<qandaentry xml:id=\"e\($0)\"><question><para>Q \($0)?</para></question><answer><para>See <xref linkend=\"e\($0 / 2)\"/>.</para></answer></qandaentry>" }.joined() + "</qandaset>"
        },
        .init(name: "docbook nested quotes", path: "x.dbk", n: 20) { "<chapter><title>T</title><section><title>Q?</title>" + repeated("<blockquote>", $0) + "<para>deep</para>" + repeated("</blockquote>", $0) + "</section></chapter>" },
        .init(name: "docbook entity runs", path: "x.dbk", n: 3_000) { n in
            "<!DOCTYPE article [<!ENTITY e \"<emphasis>x</emphasis>\">]><article><section><title>Q?</title><para>" + repeated("&e;&amp;&#x41;&mdash;&undeclared;", n) + "</para></section></article>"
        },
        // AsciiDoc (Asciidoctor in a subprocess, then the DocBook reader)
        .init(name: "asciidoc many sections", path: "x.adoc", n: 30) { n in
            "= T\n\n" + (0..<n).map { "[[q\($0)]]\n== Question \($0)?\n\nSee <<q\($0 / 2)>>.\n\n" }.joined()
        },
    ]

    /// Reads `text` and writes every format, as a run of the tool does, on this thread only
    /// (large Markdown is otherwise converted on two), so its CPU time is all of the work.
    static func run(_ text: String, path: String) throws {
        var options = ReaderOptions()
        options.splitThreshold = .max
        let document: FAQDocument
        do {
            document = try FAQReader.read(text: text, path: path, options: options).document
        } catch is ReadError {
            return
        }
        for format in OutputFormat.allCases {
            _ = try format.emitter.emit(document, options: EmitOptions(timestamp: 0))
        }
    }

    /// CPU time of this thread: other tests and processes sharing the cores do not count.
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// The fastest of `runs` runs, in CPU seconds: the least disturbed by the rest of the machine.
    static func seconds(_ text: String, path: String, runs: Int = 3) throws -> Double {
        var best = Double.infinity
        for _ in 0..<runs {
            let start = threadCPUSeconds()
            try run(text, path: path)
            best = min(best, threadCPUSeconds() - start)
        }
        return best
    }

    @Test(arguments: constructs)
    func growsLinearly(_ construct: Construct) throws {
        let small = construct.make(construct.n), large = construct.make(construct.n * 10)
        var t1 = try Self.seconds(small, path: construct.path)
        var t10 = try Self.seconds(large, path: construct.path)
        // Below a few milliseconds the ratio is noise; the floor keeps it meaningful.
        var ratio = t10 / max(t1, 0.005)
        if ratio > 20 {
            // Other tests share the cores: a slow path is slow again, a disturbed run is not.
            t1 = min(t1, try Self.seconds(small, path: construct.path, runs: 5))
            t10 = min(t10, try Self.seconds(large, path: construct.path, runs: 5))
            ratio = t10 / max(t1, 0.005)
        }
        #expect(t1 < 1, "\(construct.name): \(t1) s at n=\(construct.n)")
        #expect(ratio <= 20, "\(construct.name): n=\(construct.n) took \(t1) s, 10n took \(t10) s (×\(Int(ratio)))")
    }

    /// libxml2 compares each attribute of a tag with every earlier one; past the limit, a tag
    /// is refused before libxml2 sees it, quoted '>' or not.
    @Test(arguments: [("x.html", "<h2>Q?</h2>\n<p "), ("x.md", "## Q?\n\n<p ")])
    func tagWithTooManyAttributesIsRefused(_ path: String, _ start: String) throws {
        let text = start + (0..<200_000).map { "a\($0)=\">\"" }.joined(separator: " ") + ">x</p>\n"
        let begin = DispatchTime.now().uptimeNanoseconds
        #expect(throws: ReadError.self) { try FAQReader.read(text: text, path: path) }
        #expect(Double(DispatchTime.now().uptimeNanoseconds - begin) / 1e9 < 1)
        do {
            _ = try FAQReader.read(text: text, path: path)
        } catch let error as ReadError {
            #expect(error.location.line == 2 && error.location.column == 1 || error.location.line == 3, "\(error)")
            #expect(error.message.contains("more than 1000 attributes"))
        }
    }

    /// cmark-gfm 0.29 is quadratic over mixed `*`/`_` runs in one block: past the limit, the
    /// block is refused before cmark sees it.
    @Test func blockWithTooManyDelimitersIsRefused() throws {
        let text = "## Q?\n\nA.\n\n" + String(repeating: "*b**c__", count: 80_000) + "\n"
        let begin = DispatchTime.now().uptimeNanoseconds
        do {
            _ = try FAQReader.read(text: text, path: "x.md")
            Issue.record("was accepted")
        } catch let error as ReadError {
            #expect(error.location.line == 5, "\(error)")
            #expect(error.message.contains("more than 5000 runs"), "\(error)")
        }
        #expect(Double(DispatchTime.now().uptimeNanoseconds - begin) / 1e9 < 1)
    }

    /// The 410-byte front matter whose alias key was expanded for 36 s, and its one-line-longer sibling.
    @Test(arguments: ["yaml-alias-key-bomb.md", "yaml-alias-key-bomb-9.md"])
    func aliasKeyBombIsRefusedAtOnce(_ name: String) throws {
        let file = BadInputTests.directory.appendingPathComponent("cases").appendingPathComponent(name)
        let text = try String(contentsOf: file, encoding: .utf8)
        let start = DispatchTime.now().uptimeNanoseconds
        #expect(throws: ReadError.self) { try FAQReader.read(text: text, path: name) }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        #expect(seconds < 0.5, "took \(seconds) s")
    }
}
