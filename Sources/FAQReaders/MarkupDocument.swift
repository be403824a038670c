import FAQModel

/// The last steps every markup reader shares (reStructuredText, AsciiDoc, DocBook): the
/// same `FAQStructure` as Markdown and HTML, the author's ids put back, links checked.
enum MarkupDocument {
    static func build(_ flow: MarkupFlow, file: String, options: ReaderOptions, converter: FAQReader.ConverterTiming?) throws -> FAQReader.Result {
        var metadata = flow.metadata
        var diagnostics = flow.diagnostics
        if metadata.lang.isEmpty {
            metadata.lang = "en"
        } else if !LanguageTag.isValid(metadata.lang) {
            diagnostics.append(.warning("language '\(metadata.lang)' is not a BCP 47 tag (like 'en' or 'pt-BR'); using 'en'", at: SourceLocation(file: file, line: 1)))
            metadata.lang = "en"
        }
        if let date = metadata.date, !CalendarDate.startsValid(date) {
            diagnostics.append(.warning("date '\(date.prefix(40))' is not a calendar date (YYYY-MM-DD); it is ignored", at: SourceLocation(file: file, line: 1)))
            metadata.date = nil
        }
        // The converters give the author's ids; the rest (DocBook entries without an id) get
        // the chosen rule's slug, GitHub's by default.
        var ids = AnchorAssignment(style: options.idStyle ?? .github, nestedHeadingsGenerated: false)
        var items = flow.items
        ids.assign(&items)
        var structure = FAQStructure(metadata: metadata, file: file, questionLevel: options.questionLevel, section: options.section)
        var document: FAQDocument
        do {
            document = try structure.build(items, ids: &ids)
        } catch var error as ReadError {
            // A master file of XIncludes holds no questions of its own: say where they are.
            let included = flow.diagnostics.filter { $0.message.hasPrefix("XInclude of") }.count
            if included > 0 { error.message += " (this file XIncludes \(included) file\(included == 1 ? "" : "s"), which are not followed: read them as inputs themselves)" }
            throw error
        }
        diagnostics += ids.diagnostics
        LinkRetarget(aliases: ids.aliases).apply(to: &document)
        diagnostics += structure.diagnostics
        diagnostics += AnchorCheck.diagnostics(document, aliases: ids.aliases)
        return FAQReader.Result(document: document, diagnostics: diagnostics, converter: converter)
    }
}
