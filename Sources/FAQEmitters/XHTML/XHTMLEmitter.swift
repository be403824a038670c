import FAQModel

/// One polyglot XHTML5 document (`application/xhtml+xml`) in the EPUB vocabulary: title,
/// preamble, a table of contents (sections → questions), then one
/// `<section epub:type="qna" role="doc-qna">` per section, each question a heading carrying
/// the entry id with its answer after it. Written straight into one byte buffer
/// (`XHTMLWriter`), part after part; sanitizing is `XHTMLContent`'s (links as written, minus
/// unsafe ones).
public struct XHTMLEmitter: Emitter {
    public init() {}

    public func write(_ document: FAQDocument, options: EmitOptions, to sink: OutputSink) throws -> [Diagnostic] {
        let page = FAQPage(document)
        var content = XHTMLContent()
        content.forReading = true
        var out = XHTMLWriter(capacity: min(4096 + Self.estimatedSize(page.units), OutputSink.chunkSize + (1 << 18)))
        FAQPage.writeStart(lang: page.lang, head: page.head(style: .embedded), to: &out)
        page.writeTitleAndPreamble(&content, to: &out)
        if FAQPage.hasTOCItems(page.units) {
            out.beginStartTag(.nav)
            out.attribute("epub:type", "toc")
            out.attribute("role", "doc-toc")
            out.attribute("id", page.tocID)
            out.attribute("aria-label", "Contents")
            out.endStartTag()
            out.open(.ol)
            FAQPage.writeTOCItems(page.units, href: { "#\($0)" }, to: &out)
            out.close(.ol)
            out.close(.nav)
        }
        // Entry after entry, handed to the sink as they fill a chunk: nothing below looks back
        // at the bytes already written.
        let hasTitles = page.units.contains { $0.title != nil }
        for unit in page.units where hasTitles || !unit.entries.isEmpty {
            try page.writeSection(unit, level: 2, content: &content, to: &out) { try $0.drain(into: sink) }
        }
        FAQPage.writeEnd(to: &out)
        try out.drain(into: sink, force: true)
        return content.diagnostics
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
