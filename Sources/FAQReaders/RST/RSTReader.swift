import FAQModel

/// reStructuredText: docutils (Debian `python3-docutils`) parses it, configured for Sphinx's
/// roles and directives by `DocutilsScript`; its XML goes through libxml2 into the model.
enum RSTReader {
    static func read(_ text: String, file: String, options: ReaderOptions) throws -> FAQReader.Result {
        let input = Array(text.utf8)
        let process = ConverterProcess(tool: DocutilsScript.tool, file: file, timeout: ConverterLimits.timeout(options.converterTimeout, forInput: input.count),
                                       maxOutput: ConverterLimits.maxOutput(forInput: input.count))
        let output = try process.run(input: input)
        guard output.status == 0, !output.stdout.isEmpty else {
            throw ReadError("docutils could not read this document (exit status \(output.status))\(ConverterLimits.lastLine(output.stderr))",
                            at: SourceLocation(file: file, line: 1))
        }
        var converter = RSTConverter(file: file, maxNesting: options.maxNesting)
        try StrictXML.withDocument(String(decoding: output.stdout, as: UTF8.self), file: file) { doc in
            converter.convert(doc)
        }
        // docutils reports some problems at the end of the document: in line order here.
        converter.flow.diagnostics = converter.flow.diagnostics.enumerated()
            .sorted { ($0.element.location?.line ?? 0, $0.offset) < ($1.element.location?.line ?? 0, $1.offset) }.map(\.element)
        return try MarkupDocument.build(converter.flow, file: file, options: options,
                                        converter: FAQReader.ConverterTiming(name: "docutils", seconds: output.seconds))
    }
}
