export const ERROR_REFERENCE_URL = "https://smithers.sh/reference/errors";
