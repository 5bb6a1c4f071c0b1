// `apeDts/isResumeConfig`: does a task config the server knows name this file in
// [resumer] resume_config_file (≤ 2.0.25) or config_file (2.0.26)? A resume config may have
// any name, so no filename pattern in the manifest can give it our language; the client asks
// when a file opens and switches its language mode. Shared by server and client: no imports.

export const IS_RESUME_CONFIG_REQUEST = 'apeDts/isResumeConfig';

export interface IsResumeConfigParams {
  uri: string;
}
