import ArgumentParser
import FAQEmitters
import FAQExport
import FAQModel
import FAQReaders
import Foundation

extension OutputFormat: ExpressibleByArgument {}
extension IDStyle: ExpressibleByArgument {}

/// Options shared by conversion and lint: how inputs are read.
struct ReadingOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("FAQ documents (.md, .mdx, .html, .rst, .adoc, .xml/.dbk DocBook); '-' is standard input.", valueName: "INPUT"))
    var inputs: [String] = []

    @Option(name: .customLong("from"), help: ArgumentHelp("Input markup: \(FAQReader.Syntax.names); else the extension, then the content, decides.", valueName: "FORMAT"))
    var from: String?

    @Option(name: .customLong("converter-timeout"), parsing: .unconditional, help: ArgumentHelp("Seconds docutils or Asciidoctor may take for one input (default: 60, plus 30 per MB).", valueName: "SECONDS"))
    var converterTimeout: Double?

    @Option(name: .customLong("question-level"), parsing: .unconditional, help: ArgumentHelp("Heading level (1-6) of the questions; detected when omitted.", valueName: "N"))
    var questionLevel: Int?

    @Option(name: .customLong("section"), help: ArgumentHelp("Read only the section with this heading (case-insensitive), e.g. a README's 'FAQ'.", valueName: "TITLE"))
    var section: String?

    @Option(name: .customLong("id-style"), help: ArgumentHelp(
        "Rule for the ids the author did not write: github (READMEs, wikis), kramdown (Jekyll), kramdown-classic (kramdown's own parser), goldmark (Hugo), mkdocs, pandoc; detected from the site and front matter when omitted (-v says which).",
        valueName: "STYLE"))
    var idStyle: IDStyle?

    @Option(name: .customLong("base-url"), help: ArgumentHelp("The site's address (Jekyll's url + baseurl): entry URLs and relative links become absolute. Default: url and baseurl of a Jekyll _config.yml above the input.", valueName: "URL"))
    var baseURL: String?

    @Flag(help: "Replace invalid UTF-8 with U+FFFD instead of failing.")
    var lossy = false

    @Option(name: .customLong("max-input-size"), parsing: .unconditional, help: ArgumentHelp("Largest input accepted, in bytes.", valueName: "BYTES"))
    var maxInputSize: Int = 256 << 20

    @Flag(name: .shortAndLong, help: "Print no warnings.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Say what is read and written.")
    var verbose = false

    func validate() throws {
        if let level = questionLevel, !(1...6).contains(level) {
            throw ValidationError("--question-level must be between 1 and 6")
        }
        if maxInputSize <= 0 { throw ValidationError("--max-input-size must be positive") }
        if let baseURL, !Self.isBaseURL(baseURL) {
            throw ValidationError("--base-url must be an http(s) URL or a path from the site root, not '\(baseURL)'")
        }
        if quiet && verbose { throw ValidationError("--quiet and --verbose exclude each other") }
        if let section, section.allSatisfy(\.isWhitespace) { throw ValidationError("--section needs a heading's text") }
        if let from, FAQReader.Syntax(name: from) == nil {
            throw ValidationError("unknown input format '\(from)'; known input formats: \(FAQReader.Syntax.names)")
        }
        if let converterTimeout, !(converterTimeout > 0 && converterTimeout <= 86_400) { throw ValidationError("--converter-timeout must be between 0 and 86400 seconds") }
    }

    /// `https://host/…`, `http://host/…` or `/path/`: what entry URLs and Liquid links can
    /// start with. No white space or controls (they would end up inside every URL).
    static func isBaseURL(_ value: String) -> Bool {
        guard !value.isEmpty, !value.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }) else { return false }
        if value.hasPrefix("/") && !value.hasPrefix("//") { return true }
        let lower = value.lowercased()
        guard let rest = ["https://", "http://"].first(where: lower.hasPrefix).map({ value.dropFirst($0.count) }) else { return false }
        return rest.first.map { $0 != "/" } ?? false
    }

    /// The inputs, or the shipped documents in Sources-content/ when none are given.
    func resolvedInputs() throws -> [Exporter.Input] {
        var paths = inputs
        if paths.isEmpty {
            let directory = "Sources-content"
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
                throw ValidationError("no INPUT given and no Sources-content/ directory here")
            }
            paths = names.filter { [".md", ".markdown", ".mdx", ".html", ".htm", ".rst", ".adoc", ".dbk"].contains(where: $0.lowercased().hasSuffix) }
                .sorted().map { "\(directory)/\($0)" }
            if paths.isEmpty { throw ValidationError("no INPUT given and Sources-content/ holds no documents") }
        }
        if paths.filter({ $0 == "-" }).count > 1 { throw ValidationError("standard input ('-') can be read only once") }
        return paths.map { path in
            if path == "-" {
                let data = FileHandle.standardInput.readDataToEndOfFile()
                return Exporter.Input(path: "-", bytes: [UInt8](data))
            }
            return Exporter.Input(path: path)
        }
    }

    func readerOptions() -> ReaderOptions {
        ReaderOptions(questionLevel: questionLevel, baseURL: baseURL, section: section, idStyle: idStyle,
                      syntax: from.flatMap(FAQReader.Syntax.init(name:)), converterTimeout: converterTimeout)
    }

    /// `warningsAreErrors` (`lint --strict`): a warning that fails the run is shown even with -q.
    /// Notes (what the reader decided, such as reading only a document's FAQ section) need -v.
    func report(_ diagnostics: [Diagnostic], warningsAreErrors: Bool = false) {
        for diagnostic in diagnostics {
            switch diagnostic.severity {
            case .note: if !verbose { continue }
            case .warning: if quiet && !warningsAreErrors { continue }
            case .error: break
            }
            Diagnostics.printLine(diagnostic.description)
        }
    }
}
