import FAQModel
@testable import FAQReaders
import Foundation
import Testing

/// The reStructuredText, AsciiDoc and DocBook readers: what each convention becomes, the
/// author's ids, the converters' limits.
@Suite struct MarkupReaderTests {
    @Test func oneFAQInFiveMarkupsGivesOneModel() throws {
        let markdown = try ReaderFixtures.read("same/radio.md").document.withoutLocations
        #expect(markdown.allEntries.count == 3)
        for name in ["same/radio.html", "same/radio.rst", "same/radio.adoc", "same/radio.xml"] {
            let other = try ReaderFixtures.read(name).document.withoutLocations
            #expect(other == markdown, "\(name) differs from the Markdown rendition")
        }
    }

    @Test func sphinxRolesAndDirectivesDegradeGracefully() throws {
        let result = try ReaderFixtures.read("rst/sphinx-faq.rst")
        let document = result.document
        #expect(document.metadata.title == "Lantern Tool FAQ")
        #expect(document.metadata.authors == ["Robin Quill"])
        #expect(document.metadata.keywords == ["lantern", "faq", "sphinx"])
        // `.. _label:` names the question it stands before; :ref: to it is a link.
        #expect(document.allEntries.map(\.id) == ["install-label", "config-label", "why-does-the-light-flicker", "can-it-run-on-a-boat"])
        let install = document.allEntries[0].answer
        guard case .paragraph(let first) = install[0] else { Issue.record("expected a paragraph"); return }
        var urls: [String] = []
        [Block.paragraph(first)].forEachLink { urls.append($0.url) }
        #expect(urls == ["#config-label", "#config-label"])
        #expect(first.content.contains(.code("lantern --version")))
        #expect(first.content.plainText.contains("other-page-label for a page of its own"))
        #expect(install[1] == .code(CodeBlock(language: "console", text: "$ apt-get install lantern\n$ lantern --version")))
        #expect(install[2] == .quote(BlockQuote([.paragraph(Paragraph([.strong([.text("Note")])])), .paragraph(Paragraph([.text("Lantern needs no network access.")]))])))
        // A sub-heading keeps its docutils id; the toctree and index are gone.
        let config = document.allEntries[1].answer
        #expect(config.contains(.heading(Heading(level: 4, content: [.text("Settings read in order")], id: "settings-read-in-order"))))
        let dump = String(decoding: try ReaderFixtures.json(document), as: UTF8.self)
        for leaked in ["toctree", "maxdepth", ":ref:", ":func:", "digraph", "Unknown", "docutils", "install\n", "lantern; questions"] {
            #expect(!dump.contains(leaked), "\(leaked) leaked into the model")
        }
        // One warning per unknown construct, with its line.
        let warnings = result.diagnostics.map(\.description)
        #expect(warnings.contains("rst/sphinx-faq.rst:97:1: warning: unknown directive '.. graphviz::' is left out"))
        #expect(warnings.contains("rst/sphinx-faq.rst:95:1: warning: unknown role ':issue:' is kept as its text"))
        #expect(warnings.count == 2, "\(warnings)")
    }

    @Test func asciidocQandaAndSectionsKeepIdsAndAttributes() throws {
        let qanda = try ReaderFixtures.read("asciidoc/qanda.adoc").document
        #expect(qanda.metadata.description == "A question-and-answer list about the kettle.")
        #expect(qanda.metadata.keywords == ["kettle", "qanda"])
        #expect(qanda.metadata.date == "2025-06-01")
        #expect(qanda.allEntries.map(\.question.plainText) == ["How much water does the SteamKettle hold?", "How often should I descale it?", "Is it safe to leave on?"])
        #expect(qanda.allEntries[1].id == "descaling")
        let sections = try ReaderFixtures.read("asciidoc/sections.adoc").document
        guard case .sections(let parts) = sections.body else { Issue.record("expected sections"); return }
        #expect(parts.map(\.id) == ["_tyres", "_chain"])
        #expect(sections.allEntries.map(\.id) == ["flat", "new-tube", "_why_does_my_chain_skip"])
        var urls: [String] = []
        sections.allEntries[0].answer.forEachLink { urls.append($0.url) }
        #expect(urls == ["#new-tube"])
    }

    @Test func docbookQandasetNumbersAndMetadata() throws {
        let document = try ReaderFixtures.read("docbook/qandaset.xml").document
        #expect(document.metadata.title == "Greenhouse FAQ")
        #expect(document.metadata.authors == ["Iris Fern"])
        #expect(document.metadata.description == "Common questions about a small greenhouse.")
        #expect(document.metadata.keywords == ["greenhouse", "plants"])
        guard case .sections(let sections) = document.body else { Issue.record("expected sections"); return }
        #expect(sections.map(\.id) == ["watering", "climate"])
        #expect(document.allEntries.map(\.question.plainText) == [
            "1.1. How often should I water?", "1.2. Can watering be automatic?", "2.1. What if it gets too hot?", "2.2. Which thermometer should I buy?",
        ])
        #expect(document.allEntries.map(\.id).prefix(3) == ["how-often", "automatic", "heat"])
    }

    @Test func docbook4EntitiesAreExpandedOrKeptWithOneWarning() throws {
        let result = try ReaderFixtures.read("docbook/article4.xml")
        let document = result.document
        #expect(document.metadata.title == "Beacon FAQ")
        #expect(document.metadata.authors == ["Theo Marsh", "Lena Brook"])
        #expect(document.metadata.description == "Answers about Beacon 3.4\u{A0}— the signal tool.")
        #expect(document.allEntries.map(\.id) == ["what-is", "which-version", "ports"])
        guard case .paragraph(let paragraph)? = document.allEntries[1].answer.first else { Issue.record("expected a paragraph"); return }
        let text = paragraph.content.plainText
        #expect(text.contains("&releasenotes; (an entity"))
        let messages = result.diagnostics.map(\.message)
        #expect(messages.filter { $0.contains("&releasenotes;") }.count == 1)
        #expect(messages.contains { $0.contains("XInclude of 'ports-table.xml' is not followed") })
    }

    @Test func docbookChapterFragmentWithoutDoctype() throws {
        let result = try ReaderFixtures.read("docbook/chapter.xml")
        #expect(result.document.metadata.title == "Troubleshooting")
        #expect(result.document.allEntries.map(\.id) == ["no-sound", "crash"])
        #expect(result.diagnostics.map(\.description) == ["docbook/chapter.xml:6:1: warning: cross-reference to 'ch-install', which is not in this file, is kept as text"])
    }

    @Test func externalEntitiesAreNeverRead() throws {
        let secret = NSTemporaryDirectory() + "faqexport-secret-\(UUID().uuidString)"
        try Data("TOP-SECRET-CONTENT".utf8).write(to: URL(fileURLWithPath: secret))
        defer { try? FileManager.default.removeItem(atPath: secret) }
        let text = """
            <?xml version="1.0"?>
            <!DOCTYPE article [
            <!ENTITY x SYSTEM "file://\(secret)">
            <!ENTITY % p SYSTEM "file://\(secret)">
            %p;
            ]>
            <article><title>T</title><section><title>Safe?</title><para>A &x; B</para></section></article>
            """
        let result = try FAQReader.read(text: text, path: "xxe.xml")
        let dump = String(decoding: try ReaderFixtures.json(result.document), as: UTF8.self)
        #expect(!dump.contains("TOP-SECRET"))
        #expect(dump.contains("A &x; B"))
        #expect(result.diagnostics.contains { $0.message.contains("external file") })
    }

    @Test func malformedXMLIsAnErrorAtItsPlace() throws {
        #expect(throws: ReadError.self) { try FAQReader.read(text: "<article><title>T</title><section><title>Q?</title></article>", path: "bad.xml") }
        do {
            _ = try FAQReader.read(text: "<article>\n<section><title>Q?</title>\n</article>\n", path: "bad.dbk")
        } catch let error as ReadError {
            #expect(error.location.line == 3)
            #expect(error.message.contains("Opening and ending tag mismatch"))
        }
    }

    @Test func unknownMarkupIsAnErrorNamingFrom() throws {
        do {
            _ = try FAQReader.read(text: "just some words\nand more words\n", path: "notes.txt")
            Issue.record("was read")
        } catch let error as ReadError {
            #expect(error.message.contains("--from"))
        }
        // Standard input is sniffed; a title with one section keeps the section.
        #expect(try FAQReader.read(text: "Title\n=====\n\nQ?\n--\n\nA\n\n.. note:: x\n", path: "-").document.allEntries.count == 1)
        #expect(FAQReader.Syntax(extensionOf: "a/b.REST") == .rst)
        #expect(FAQReader.Syntax(extensionOf: "faq.xml") == nil)
        #expect(try FAQReader.Syntax.detect("<?xml version=\"1.0\"?>\n<!-- c -->\n<!DOCTYPE chapter [ <!ENTITY a \"b\"> ]>\n<chapter/>", file: "x") == .docbook)
        #expect(try FAQReader.Syntax.detect("= Title\n\n== Q?\n\nA\n", file: "x") == .asciidoc)
        #expect(try FAQReader.Syntax.detect("## Q?\n\nA\n", file: "x") == .markdown)
    }

    @Test func aMissingConverterNamesItsDebianPackage() throws {
        var tool = DocutilsScript.tool
        tool.executables = ["/nonexistent/python3"]
        let process = ConverterProcess(tool: tool, file: "x.rst", timeout: 5, maxOutput: 1 << 20)
        do {
            _ = try process.run(input: Array("Q?\n==\n".utf8))
            Issue.record("ran")
        } catch let error as ReadError {
            #expect(error.description == "x.rst:1:1: error: docutils is not installed; install the Debian package 'python3-docutils' (apt-get install python3-docutils)")
        }
    }

    @Test func aConverterPastItsLimitsIsStopped() throws {
        let slow = ConverterProcess(tool: DocutilsScript.tool, file: "x.rst", timeout: 0.05, maxOutput: 1 << 30)
        let started = Date()
        #expect(throws: ReadError.self) { _ = try slow.run(input: Array(String(repeating: "Para *x*.\n\n", count: 200_000).utf8)) }
        #expect(Date().timeIntervalSince(started) < 5)
        let chatty = ConverterProcess(tool: DocutilsScript.tool, file: "x.rst", timeout: 60, maxOutput: 1_000)
        do {
            _ = try chatty.run(input: Array(String(repeating: "Para.\n\n", count: 2_000).utf8))
            Issue.record("accepted")
        } catch let error as ReadError {
            #expect(error.message.contains("more than 1000 bytes"))
        }
        // A large document in and a large document out: no deadlock between the pipes.
        let big = ConverterProcess(tool: DocutilsScript.tool, file: "x.rst", timeout: 120, maxOutput: 1 << 30)
        let output = try big.run(input: Array(("T\n=\n\n" + String(repeating: "Some words in a paragraph.\n\n", count: 40_000)).utf8))
        #expect(output.status == 0 && output.stdout.count > 1 << 20)
    }
}
