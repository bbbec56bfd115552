<?xml version="1.0"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<xsl:template match="/"><html><head><title>report</title></head><body>
<xsl:element name="{concat('scr', 'ipt')}">document.title='pwned';window.__pwned=1</xsl:element>
</body></html></xsl:template>
</xsl:stylesheet>
