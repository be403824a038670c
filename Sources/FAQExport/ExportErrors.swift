extension Exporter {
    /// Two inputs would write the same file (`Destination.directory`).
    public struct OutputCollision: Error, CustomStringConvertible {
        public let fileName: String
        public let sources: (String, String)
        public var description: String {
            "\(sources.0) and \(sources.1) would both write \(fileName); give one a 'name:' in its front matter"
        }
    }

    /// A rename failed after others succeeded: those targets already hold the new bytes.
    public struct CommitError: Error, CustomStringConvertible {
        public let error: Error
        public let written: [String]
        public var description: String { "\(error)" }
    }

    /// `Destination.file` takes exactly one output.
    public struct SeveralOutputsToOneFile: Error, CustomStringConvertible {
        public let path: String
        public let count: Int
        public var description: String { "\(path): \(count) outputs cannot share one file; write them to a directory" }
    }

    /// An output would replace one of the inputs.
    public struct OutputReplacesInput: Error, CustomStringConvertible {
        public let path: String
        public let input: String
        public var description: String {
            "\(path): error: the output would replace the input \(input); choose another output"
        }
    }

    /// The directory of `Destination.directory` could not be made.
    public struct DirectoryNotCreated: Error, CustomStringConvertible {
        public let path: String
        /// In the words of the file system.
        public let reason: String
        public var description: String { "\(path): error: cannot create the output directory: \(reason)" }
    }
}
