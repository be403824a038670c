import CLibXML2
import FAQEmitters
import FAQModel
import FAQReaders
import Foundation

/// One fuzz input through the whole pipeline: a reader, then every emitter, then the
/// invariants every output must keep. A broken invariant traps, so libFuzzer saves the input.
enum FuzzHarness {
    enum Target: String { case markdown, html, frontmatter, docbook }

    static var target: Target {
        Target(rawValue: ProcessInfo.processInfo.environment["FAQFUZZ_TARGET"] ?? "markdown") ?? .markdown
    }

    static func run(_ bytes: [UInt8], target: Target) {
        let input: [UInt8]
        let path: String
        switch target {
        case .markdown: (input, path) = (bytes, "fuzz.md")
        case .html: (input, path) = (bytes, "fuzz.html")
        case .frontmatter: (input, path) = (Array("---\n".utf8) + bytes + Array("\n---\n## Q?\n\nA [l](#q)\n".utf8), "fuzz.md")
        case .docbook: (input, path) = (bytes, "fuzz.dbk")
        }
        let result: FAQReader.Result
        do {
            result = try FAQReader.read(bytes: input, path: path, syntax: .init(path: path), options: ReaderOptions(), lossy: true)
        } catch is ReadError {
            return  // a clean, reported error is a fine answer to garbage
        } catch {
            fatalError("reader threw a non-ReadError: \(error)")
        }
        for format in OutputFormat.allCases {
            do {
                try check(result.document, format: format)
            } catch {
                fatalError("\(format) emitter failed: \(error)")
            }
        }
    }

    /// Writes `format` and checks its output; the EPUB's entries are checked unzipped.
    static func check(_ document: FAQDocument, format: OutputFormat) throws {
        let options = EmitOptions(timestamp: 0)
        switch format {
        case .epub:
            for entry in try EPUBEmitter().entries(book: [document], options: options).entries
            where entry.path.hasSuffix(".xhtml") || entry.path.hasSuffix(".opf") {
                checkXML(entry.data, name: entry.path)
            }
            return
        case .man, .xhtml, .json, .jsonld, .text: break
        }
        let text = try format.emitter.emit(document, options: options).text
        switch format {
        case .man: checkMan(text)
        case .xhtml: checkXML(Array(text.utf8), name: "xhtml")
        case .json, .jsonld:
            guard (try? JSONSerialization.jsonObject(with: Data(text.utf8))) != nil else { fatalError("\(format) output does not parse") }
        case .text:
            if text.contains("\t") || text.contains("\r") { fatalError("text output holds a tab or CR") }
        case .epub: break
        }
    }

    /// Requests the man emitter itself writes; any other line starting with `.` or `'`
    /// came from the document and would run in roff.
    static let manVocabulary: Set<String> = [
        ".TH", ".SH", ".SS", ".PP", ".IP", ".RS", ".RE", ".EX", ".EE", ".UR", ".UE", ".MT", ".ME",
        ".TS", ".TE", ".BR", ".sp", ".br", ".ad",
    ]

    static func checkMan(_ text: String) {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            guard let first = line.first, first == "." || first == "'" else { continue }
            if line.hasPrefix("'\\\" t") || line.hasPrefix(".\\\"") { continue }  // tbl hint, comments
            let request = String(line.prefix { $0 != " " })
            if !manVocabulary.contains(request) { fatalError("man output runs a request from the input: \(line.prefix(80))") }
        }
    }

    static func checkXML(_ bytes: [UInt8], name: String) {
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_HUGE.rawValue)
        let doc = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { xmlReadMemory($0.baseAddress, Int32($0.count), nil, "UTF-8", options) }
        }
        guard let doc else { fatalError("\(name) is not well-formed XML") }
        xmlFreeDoc(doc)
    }
}
