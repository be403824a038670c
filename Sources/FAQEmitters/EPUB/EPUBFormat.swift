/// The epub format in the registry (`OutputFormat`): binary, and a book of several inputs.
extension EPUBEmitter {
    public static let format = FormatDescriptor(
        name: "epub", fileExtension: "epub", mediaType: "application/epub+zip",
        summary: "EPUB 3 book (several inputs make one book)", isBinary: true, relativeCost: 5,
        emitter: { EPUBEmitter() })
}
