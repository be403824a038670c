/// docutils, configured for FAQs written for Sphinx: the script `python3 -I -c` runs. It
/// registers Sphinx's roles and directives with docutils (roles become `faqexport_role`
/// elements that keep their name and target; `code-block` a literal block with its
/// language; `versionadded` and friends a paragraph; navigation directives are left out as
/// `faqexport_skipped`), reads the document from standard input with file insertion, raw
/// output and configuration files disabled, and prints docutils' XML. docutils parses;
/// nothing here reads reStructuredText itself.
enum DocutilsScript {
    static let tool = ConverterProcess.Tool(
        name: "docutils", executables: ["/usr/bin/python3", "python3"],
        arguments: ["-I", "-c", source], debianPackage: "python3-docutils")

    static let source = #"""
import re, sys
try:
    from docutils import nodes
    from docutils.core import publish_doctree, publish_from_doctree
    from docutils.parsers.rst import Directive, directives, roles
    from docutils.parsers.rst.directives import admonitions
    from docutils.transforms import frontmatter
except ImportError:
    sys.exit(87)

class faqexport_role(nodes.Inline, nodes.TextElement):
    pass

class faqexport_skipped(nodes.Element, nodes.Invisible):
    pass

nodes._add_node_class_names(['faqexport_role', 'faqexport_skipped'])
OBJECT_ROLES = set('func meth class mod attr exc data obj const type member var macro struct union enum enumerator'.split())
EXPLICIT = re.compile(r'^(.+?)\s*(?<!\x00)<(.*?)>$', re.DOTALL)

def sphinx_role(name, rawtext, text, lineno, inliner, options={}, content=[]):
    text = nodes.unescape(text)
    match = EXPLICIT.match(text)
    title, target = (match.group(1), match.group(2)) if match else (None, text)
    if title is None:
        title = target.lstrip('!')
        if title.startswith('~') and (name in OBJECT_ROLES or ':' in name):
            title = title[1:].split('.')[-1]
    if name in OBJECT_ROLES or ':' in name:
        target = target.lstrip('!~')
    node = faqexport_role(rawtext, title, role=name, target=target)
    if match:
        node['explicit'] = '1'
    node.line = lineno
    return [node], []

def unknown_role(name, rawtext, text, lineno, inliner, options={}, content=[]):
    node = faqexport_role(rawtext, nodes.unescape(text), role=name, target='', unknown='1')
    node.line = lineno
    return [node], []

SPHINX_ROLES = '''ref doc any term abbr guilabel menuselection dfn download numref keyword token
    envvar option program command file samp kbd makevar mailheader mimetype newsgroup regexp
    func meth class mod attr exc data obj const type member var macro struct union enum enumerator
    expr texpr py:func py:meth py:class py:mod py:attr py:exc py:data py:obj py:const
    c:func c:macro c:struct c:type c:data c:member cpp:func cpp:class cpp:type cpp:member
    js:func js:class js:data js:attr js:meth js:mod rst:role rst:dir'''.split()
for role_name in SPHINX_ROLES:
    roles.register_local_role(role_name, sphinx_role)

docutils_role = roles.role
def role(name, language, lineno, reporter):
    function, messages = docutils_role(name, language, lineno, reporter)
    if function is None:
        return unknown_role, []
    return function, messages
roles.role = role

class CodeBlock(Directive):
    optional_arguments = 1
    has_content = True
    option_spec = {key: directives.unchanged for key in
                   'linenos lineno-start emphasize-lines caption name class dedent force number-lines'.split()}
    def run(self):
        text = '\n'.join(self.content)
        node = nodes.literal_block(text, text)
        if self.arguments:
            node['language'] = self.arguments[0]
        return [node]

class Skipped(Directive):
    optional_arguments = 99
    final_argument_whitespace = True
    has_content = True
    option_spec = None
    unknown = False
    def run(self):
        node = faqexport_skipped(directive=self.name, line=str(self.lineno))
        if self.unknown:
            node['unknown'] = '1'
        return [node]

class Unknown(Skipped):
    unknown = True

class Transparent(Directive):
    optional_arguments = 99
    final_argument_whitespace = True
    has_content = True
    option_spec = None
    def run(self):
        node = nodes.container()
        self.state.nested_parse(self.content, self.content_offset, node)
        return [node]

class VersionNote(Directive):
    required_arguments = 1
    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    LABELS = {'versionadded': 'New in version %s', 'versionchanged': 'Changed in version %s',
              'deprecated': 'Deprecated since version %s', 'versionremoved': 'Removed in version %s'}
    def run(self):
        node = nodes.container()
        label = self.LABELS[self.name] % self.arguments[0]
        paragraphs = []
        if len(self.arguments) > 1:
            inline, _ = self.state.inline_text(self.arguments[1], self.lineno)
            paragraphs.append(nodes.paragraph('', '', *inline))
        self.state.nested_parse(self.content, self.content_offset, node)
        paragraphs += list(node.children)
        node.children = []
        lead = nodes.emphasis(label, label)
        if paragraphs and isinstance(paragraphs[0], nodes.paragraph):
            paragraphs[0].insert(0, nodes.Text(': '))
            paragraphs[0].insert(0, lead)
        else:
            paragraphs.insert(0, nodes.paragraph('', '', lead))
        node.extend(paragraphs)
        return [node]

class SeeAlso(admonitions.BaseAdmonition):
    node_class = nodes.admonition
    required_arguments = 0
    optional_arguments = 0
    def run(self):
        self.arguments = ['See also']
        return super().run()

for name in ('code-block', 'sourcecode', 'code'):
    directives.register_directive(name, CodeBlock)
for name in VersionNote.LABELS:
    directives.register_directive(name, VersionNote)
directives.register_directive('seealso', SeeAlso)
for name in ('only', 'hlist', 'centered', 'tab', 'tabs', 'group-tab', 'cssclass', 'rst-class'):
    directives.register_directive(name, Transparent)
for name in ('toctree', 'index', 'highlight', 'todo', 'sectionauthor', 'moduleauthor', 'codeauthor',
             'tabularcolumns', 'currentmodule', 'module', 'py:module', 'py:currentmodule', 'default-role',
             'default-domain', 'literalinclude', 'include', 'autosummary', 'automodule', 'autoclass',
             'autofunction', 'program'):
    directives.register_directive(name, Skipped)

docutils_directive = directives.directive
def directive(name, language, document):
    cls, messages = docutils_directive(name, language, document)
    return (Unknown, []) if cls is None else (cls, messages)
directives.directive = directive

# A title followed by a single section keeps that section: in an FAQ it is a question or
# a topic, not the document's subtitle.
frontmatter.DocTitle.promote_subtitle = lambda self, node: False

settings = {
    '_disable_config': True, 'file_insertion_enabled': False, 'raw_enabled': False,
    'report_level': 2, 'halt_level': 5, 'exit_status_level': 5, 'warning_stream': False,
    'input_encoding': 'unicode', 'syntax_highlight': 'none', 'traceback': True,
    'doctitle_xform': True, 'docinfo_xform': True, 'sectsubtitle_xform': False,
    'output_encoding': 'utf-8', 'xml_declaration': True,
}
source = sys.stdin.buffer.read().decode('utf-8')
doctree = publish_doctree(source, source_path=sys.argv[1] if len(sys.argv) > 1 else '-',
                          settings_overrides=settings)
for node in doctree.findall(nodes.title):
    if isinstance(node.parent, nodes.section) and node.line:
        node.parent['line'] = str(max(1, node.line - 1))
for node in doctree.findall(faqexport_role):
    node['line'] = str(node.line or 0)
    if node['role'] == 'ref':
        refid = doctree.nameids.get(nodes.fully_normalize_name(node['target']))
        if refid:
            node['refid'] = refid
            target = doctree.ids.get(refid)
            if not node.get('explicit') and isinstance(target, nodes.section):
                node.children = [nodes.Text(target[0].astext())]
sys.stdout.buffer.write(publish_from_doctree(doctree, writer_name='xml', settings_overrides=settings))
"""#
}
