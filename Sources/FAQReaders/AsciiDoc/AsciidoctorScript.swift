/// Asciidoctor, run by `ruby -e` through its own API: secure safe mode (no `include::`, no
/// file or URI reads), DocBook 5 output, `reproducible` (no date unless the document gives
/// one), and the document's `description` and `keywords` passed into DocBook's `<info>` (the
/// docbook5 converter leaves them out). Its log goes to standard error one message a line:
/// severity, line, text. Asciidoctor parses; nothing here reads AsciiDoc itself.
enum AsciidoctorScript {
    static let tool = ConverterProcess.Tool(
        name: "Asciidoctor", executables: ["/usr/bin/ruby", "ruby"],
        arguments: ["-e", source], debianPackage: "asciidoctor")

    static let source = #"""
begin
  require 'asciidoctor'
  require 'asciidoctor/extensions'
  require 'logger'
rescue LoadError
  exit 87
end
$stdin.set_encoding 'UTF-8'
$stdout.set_encoding 'UTF-8'
logger = Logger.new $stderr
logger.formatter = proc do |severity, _, _, message|
  if message.is_a? Hash
    text, location = message[:text], message[:source_location]
  else
    text = message.respond_to?(:text) ? message.text : message
    location = message.respond_to?(:source_location) ? message.source_location : nil
  end
  line = location.respond_to?(:lineno) ? location.lineno : 0
  "#{severity}\t#{line}\t#{text.to_s.gsub(/\s+/, ' ')}\n"
end
Asciidoctor::LoggerManager.logger = logger
Asciidoctor::Extensions.register do
  docinfo_processor do
    at_location :head
    process do |doc|
      out = +''
      if (description = doc.attr 'description')
        out << %(<abstract><simpara>#{doc.sub_specialchars description}</simpara></abstract>)
      end
      if (keywords = doc.attr 'keywords')
        out << '<keywordset>'
        keywords.split(',').each {|word| out << %(<keyword>#{doc.sub_specialchars word.strip}</keyword>) unless word.strip.empty? }
        out << '</keywordset>'
      end
      out
    end
  end
end
doc = Asciidoctor.load $stdin.read, safe: :secure, backend: 'docbook5', standalone: true,
  attributes: { 'reproducible' => '', 'sectanchors' => nil }
$stdout.write doc.convert
"""#
}
