/// The xhtml format in the registry (`OutputFormat`).
extension XHTMLEmitter {
    public static let format = FormatDescriptor(
        name: "xhtml", fileExtension: "xhtml", mediaType: "application/xhtml+xml",
        summary: "one EPUB-style XHTML5 document", relativeCost: 2, emitter: { XHTMLEmitter() })
}
