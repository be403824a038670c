/// The json and jsonld formats in the registry (`OutputFormat`).
extension JSONEmitter {
    public static let format = FormatDescriptor(
        name: "json", fileExtension: "json", mediaType: "application/json",
        summary: "the document model as versioned JSON", relativeCost: 6, emitter: { JSONEmitter() })
}

extension JSONLDEmitter {
    public static let format = FormatDescriptor(
        name: "jsonld", fileExtension: "jsonld", mediaType: "application/ld+json",
        summary: "schema.org FAQPage JSON-LD", relativeCost: 3, emitter: { JSONLDEmitter() })
}
