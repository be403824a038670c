/// The text format in the registry (`OutputFormat`).
extension TextEmitter {
    public static let format = FormatDescriptor(
        name: "text", fileExtension: "txt", mediaType: "text/plain; charset=utf-8",
        summary: "plain text wrapped by display width", relativeCost: 4, emitter: { TextEmitter() })
}
