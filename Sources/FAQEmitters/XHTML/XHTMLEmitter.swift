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
        let text = XHTMLSerializer.document(root, capacity: 4096 + Self.estimatedSize(page.units))
        return EmitResult(.text(text), diagnostics: content.diagnostics)
    }

    /// A rough output size for the buffer reservation (the model's text plus markup) of some
    /// units (the page, or an EPUB chapter). Reads the entries in place: `allEntries`
    /// copies every entry, which cost the EPUB output a fifth of its time (once per chapter).
    static func estimatedSize(_ units: [FAQPage.Unit]) -> Int {
        var size = 0
        for unit in units {
            for entry in unit.entries { size += 256 + entry.answer.count * 160 }
        }
        return size
    }
}
