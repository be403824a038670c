import FAQModel

/// AsciiDoc: Asciidoctor (Debian `asciidoctor`) converts it to DocBook 5, which the DocBook
/// reader reads. `[qanda]` lists become `qandaset`s, `[[id]]` and section ids `xml:id`s,
/// `<<id>>` an `xref`; Asciidoctor's warnings become faqexport's, at their line.
enum AsciiDocReader {
    static func read(_ text: String, file: String, options: ReaderOptions) throws -> FAQReader.Result {
        let input = Array(text.utf8)
        let process = ConverterProcess(tool: AsciidoctorScript.tool, file: file, timeout: ConverterLimits.timeout(options.converterTimeout, forInput: input.count),
                                       maxOutput: ConverterLimits.maxOutput(forInput: input.count))
        let output = try process.run(input: input)
        guard output.status == 0, !output.stdout.isEmpty else {
            throw ReadError("Asciidoctor could not read this document (exit status \(output.status))\(ConverterLimits.lastLine(output.stderr))",
                            at: SourceLocation(file: file, line: 1))
        }
        var flow = try DocBookReader.flow(String(decoding: output.stdout, as: UTF8.self), file: file, options: options)
        // Lines of the DocBook are not lines of the AsciiDoc: locations say the file only.
        flow.items = flow.items.map(\.withoutLine)
        flow.diagnostics = flow.diagnostics.map { var d = $0; d.location = SourceLocation(file: file, line: 1); return d }
        flow.diagnostics = log(output.stderr, file: file) + flow.diagnostics
        return try MarkupDocument.build(flow, file: file, options: options,
                                        converter: FAQReader.ConverterTiming(name: "Asciidoctor", seconds: output.seconds))
    }

    /// `SEVERITY<tab>LINE<tab>TEXT` lines from the script's logger, one warning per message.
    static func log(_ stderr: [UInt8], file: String) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var seen: Set<String> = []
        for line in String(decoding: stderr, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3 else { continue }
            let text = String(fields[2]).trimmingWhitespace()
            guard !text.isEmpty, seen.insert(text).inserted else { continue }
            let shown = text.count > 200 ? String(text.prefix(200)) + "…" : text
            out.append(.warning("AsciiDoc problem reported by Asciidoctor: \(shown)", at: SourceLocation(file: file, line: max(1, Int(fields[1]) ?? 1))))
        }
        return out
    }
}

extension FlowItem {
    var withoutLine: FlowItem {
        switch self {
        case .block: return self
        case .paragraph(let paragraph, let location):
            return .paragraph(paragraph, location: location.map { SourceLocation(file: $0.file, line: 1) })
        case .heading(let level, let content, let location, let anchor):
            return .heading(level: level, content: content, location: location.map { SourceLocation(file: $0.file, line: 1) }, anchor: anchor)
        case .entry(let question, let answer, let location, let anchor):
            return .entry(question: question, answer: answer, location: location.map { SourceLocation(file: $0.file, line: 1) }, anchor: anchor)
        case .anchor(var stray):
            stray.location = stray.location.map { SourceLocation(file: $0.file, line: 1) }
            return .anchor(stray)
        }
    }
}
