import Foundation

/// A one-line progress note on a terminal, for several or large inputs. It rewrites itself
/// with `\r` and is erased at the end, so it never mixes with diagnostics or piped stderr.
struct Progress {
    let enabled: Bool

    init(inputs: Int, totalBytes: Int, quiet: Bool) {
        enabled = !quiet && isatty(STDERR_FILENO) != 0 && (inputs > 1 || totalBytes > 4 << 20)
    }

    func show(_ message: String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[Kfaqexport: \(message)".utf8))
    }

    func clear() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
