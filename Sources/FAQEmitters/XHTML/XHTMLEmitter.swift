import FAQModel

/// One polyglot XHTML5 document (`application/xhtml+xml`) in the EPUB vocabulary: title,
/// preamble, a table of contents (sections → questions), then one
/// `<section epub:type="qna" role="doc-qna">` per section, each question a heading carrying
/// the entry id with its answer after it. The tree is built first and serialized once
/// (`XHTMLSerializer`); sanitizing is `XHTMLContent`'s (links as written, minus unsafe ones).
public struct XHTMLEmitter: Emitter {
    public init() {}

    public func emit(_ document: FAQDocument, options: EmitOptions) throws -> EmitResult {
        let page = FAQPage(document)
        var content = XHTMLContent()
        var body = page.titleAndPreamble(&content)
        let items = FAQPage.tocItems(page.units) { "#\($0)" }
        if !items.isEmpty {
            body.append(.el("nav", [
                XHTMLAttribute("epub:type", "toc"), XHTMLAttribute("role", "doc-toc"),
                XHTMLAttribute("id", FAQPage.tocID), XHTMLAttribute("aria-label", "Contents"),
            ], [.el("ol", [], items)]))
        }
        let hasTitles = page.units.contains { $0.title != nil }
        for unit in page.units where hasTitles || !unit.entries.isEmpty {
            body.append(page.section(unit, level: 2, content: &content))
        }
        let root = FAQPage.html(lang: page.lang, head: page.head(style: .embedded), body: body)
        let text = XHTMLSerializer.document(root, capacity: 4096 + Self.estimatedSize(document))
        return EmitResult(.text(text), diagnostics: content.diagnostics)
    }

    /// A rough output size for the buffer reservation (the model's text plus markup).
    static func estimatedSize(_ document: FAQDocument) -> Int {
        document.allEntries.count * 256 + document.allEntries.reduce(0) { $0 + $1.answer.count * 160 }
    }
}
