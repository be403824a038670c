// Debian's libxml2 headers pull in the system ICU, which clashes with Foundation's
// own ICU module on a clean build; faqexport needs no ICU from libxml2.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/SAX2.h>
#include <libxml/entities.h>
#include <libxml/parserInternals.h>

// xmlFree is a global function-pointer variable, which Swift 6 rejects as not
// concurrency-safe; a function wrapper is.
static inline void faq_xml_free(void *p) { xmlFree(p); }
