import Foundation

// Exit codes: 0 success, 1 input or output error, 2 usage error (see --help).
exit(CLI.run(Array(CommandLine.arguments.dropFirst())))
