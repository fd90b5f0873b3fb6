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
#endif
