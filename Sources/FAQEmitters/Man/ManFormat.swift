/// The man format in the registry (`OutputFormat`). The file extension is the page's
/// section, so man-db and mandoc find the page where its `.TH` says it is.
extension ManEmitter {
    public static let format = FormatDescriptor(
        name: "man", fileExtension: "7", mediaType: "text/troff",
        summary: "man(7) page for man-db/groff and mandoc", relativeCost: 1,
        extensionRule: { document, options in section(of: document, options: options) },
        emitter: { ManEmitter() })
}
