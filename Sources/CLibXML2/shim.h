#ifndef ONOMA_CLIBXML2_SHIM_H
#define ONOMA_CLIBXML2_SHIM_H
/* libxml2 built with ICU includes <unicode/ucnv.h> from encoding.h; Foundation on Linux carries
   its own ICU module and the two definitions of UErrorCode clash. Onoma never uses libxml2's
   ICU encoding hooks, so switch them off before the other headers are read. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlerror.h>
#include <libxml/tree.h>
#include <libxml/xmlsave.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlmemory.h>
#include <libxml/globals.h>
#include <libxml/parserInternals.h>

/* libxml2's generic error channel is a C variadic function, which Swift cannot define. Onoma
   never lets libxml2 write to stderr: this installs a silent one for the calling thread and as
   the default for threads created later (errors are captured through structured handlers). */
static void onoma_xml_silent_generic_error(void *ctx, const char *msg, ...) {
    (void)ctx; (void)msg;
}
static inline void onoma_xml_silence_generic_errors(void) {
    xmlSetGenericErrorFunc(NULL, onoma_xml_silent_generic_error);
    xmlThrDefSetGenericErrorFunc(NULL, onoma_xml_silent_generic_error);
}
#endif
