import FAQModel

/// schema.org `FAQPage` as JSON-LD, ready for a `<script type="application/ld+json">`:
/// `@context`, `@type`, `name`, `description`, `inLanguage`, `url` (when known), `keywords`,
/// `author`, and `mainEntity` with one `Question` per entry (`name`, `url` when known,
/// `acceptedAnswer`: an `Answer` whose `text` is the answer as the sanitized XHTML fragment
/// of the JSON output's `answer_html` — schema.org and search engines read `Answer.text` as
/// HTML (links, lists, paragraphs), so plain text with a `<` in it would be markup there).
public struct JSONLDEmitter: Emitter {
    public init() {}

    public func write(_ document: FAQDocument, options: EmitOptions, to sink: OutputSink) throws -> [Diagnostic] {
        let urls = DocumentURLs(document, options: options)
        let metadata = document.metadata
        var out = JSONWriter(htmlSafe: true, capacity: OutputSink.chunkSize + (1 << 16))
        out.beginObject()
        out.member("@context", "https://schema.org")
        out.member("@type", "FAQPage")
        if let url = urls.page { out.member("@id", url) }
        out.member("name", nonEmpty(metadata.title))
        out.member("description", nonEmpty(metadata.description))
        out.member("inLanguage", metadata.lang)
        out.member("url", urls.page)
        if !metadata.keywords.isEmpty { out.member("keywords", metadata.keywords.joined(separator: ", ")) }
        if !metadata.authors.isEmpty {
            out.key("author")
            out.beginArray()
            for name in metadata.authors {
                out.beginObject()
                out.member("@type", "Person")
                out.member("name", name)
                out.endObject()
            }
            out.endArray()
        }
        out.key("mainEntity")
        out.beginArray()
        for entry in document.allEntries {
            out.beginObject()
            out.member("@type", "Question")
            if let url = urls.entry(entry.id) { out.member("@id", url) }
            out.member("name", NFC.normalized(entry.question.plainText))
            out.member("url", urls.entry(entry.id))
            out.key("acceptedAnswer")
            out.beginObject()
            out.member("@type", "Answer")
            out.member("text", NFC.normalized(XHTMLContent.fragment(entry.answer, minimumHeadingLevel: 4, rewriteLink: urls.resolve)))
            out.endObject()
            out.endObject()
            try out.drain(into: sink)
        }
        out.endArray()
        out.endObject()
        try out.finish(into: sink)
        return []
    }

    private func nonEmpty(_ s: String?) -> String? {
        guard let s, !s.isEmpty else { return nil }
        return NFC.normalized(s)
    }
}
